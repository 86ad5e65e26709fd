package org.canonicalregistry.registry.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A principal as stored, with its timestamps.
 *
 * @param principal never null
 * @param createdAt never null
 * @param updatedAt never null
 */
public record PrincipalAccount(Principal principal, Instant createdAt, Instant updatedAt) {

    public PrincipalAccount {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public String name() {
        return principal.name();
    }
}
