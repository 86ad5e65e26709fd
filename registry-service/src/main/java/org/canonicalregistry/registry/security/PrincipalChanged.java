package org.canonicalregistry.registry.security;

import java.time.Instant;
import java.util.Set;
import org.canonicalregistry.registry.audit.AuditedChange;

/** A principal's display name, email or roles changed. Published inside the transaction. */
public record PrincipalChanged(String actor, String principal, Set<Role> rolesBefore, Set<Role> rolesAfter,
                               String beforeFingerprint, String afterFingerprint, Instant occurredAt)
        implements AuditedChange {

    public PrincipalChanged {
        rolesBefore = Set.copyOf(rolesBefore);
        rolesAfter = Set.copyOf(rolesAfter);
    }

    @Override
    public String action() {
        return "principal.changed";
    }

    @Override
    public String target() {
        return "principal:" + principal;
    }
}
