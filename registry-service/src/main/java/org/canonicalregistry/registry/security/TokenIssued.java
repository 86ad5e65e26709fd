package org.canonicalregistry.registry.security;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * An API token was issued. Carries the token's id and metadata, never the token or its hash. Published inside the
 * transaction.
 */
public record TokenIssued(String actor, String principal, String tokenId, String label, Instant expiresAt,
                          String afterFingerprint, Instant occurredAt) implements AuditedChange {

    @Override
    public String action() {
        return "token.issued";
    }

    @Override
    public String target() {
        return "token:" + tokenId;
    }

    @Override
    public String beforeFingerprint() {
        return null;
    }
}
