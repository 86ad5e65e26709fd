package org.canonicalregistry.registry.security;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/** An API token was revoked. Published inside the transaction. */
public record TokenRevoked(String actor, String principal, String tokenId, String beforeFingerprint,
                           String afterFingerprint, Instant occurredAt) implements AuditedChange {

    @Override
    public String action() {
        return "token.revoked";
    }

    @Override
    public String target() {
        return "token:" + tokenId;
    }
}
