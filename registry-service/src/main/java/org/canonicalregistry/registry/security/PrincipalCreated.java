package org.canonicalregistry.registry.security;

import java.time.Instant;
import java.util.Set;
import org.canonicalregistry.registry.audit.AuditedChange;

/** A principal was created (by an ADMIN, the bootstrap or the sample import). Published inside the transaction. */
public record PrincipalCreated(String actor, String principal, Set<Role> roles, String afterFingerprint,
                               Instant occurredAt) implements AuditedChange {

    public PrincipalCreated {
        roles = Set.copyOf(roles);
    }

    @Override
    public String action() {
        return "principal.created";
    }

    @Override
    public String target() {
        return "principal:" + principal;
    }

    @Override
    public String beforeFingerprint() {
        return null;
    }
}
