package org.canonicalregistry.registry.security;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Someone (or something) acting on the registry: a person signed in with a token or OIDC, an adapter, or the
 * registry itself during bootstrap. Serializable because a console session keeps an OIDC sign-in's principal, and
 * sessions may be stored outside the JVM.
 *
 * @param name unique principal name, the one entity and flow owner lists refer to
 * @param displayName human name; never null (may equal {@code name})
 * @param email may be null
 * @param roles never null; copied
 */
public record Principal(String name, String displayName, String email, Set<Role> roles) implements Serializable {

    /** The registry acting on its own behalf (sample import, bootstrap); never authenticates over HTTP. */
    public static final Principal SYSTEM = new Principal("system", "Canonical Registry", null, EnumSet.of(Role.ADMIN));

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }
}
