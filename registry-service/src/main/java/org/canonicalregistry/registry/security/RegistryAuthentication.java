package org.canonicalregistry.registry.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated as a registry {@link Principal}, by API token or by OIDC JWT. Authorities mirror the
 * roles ({@code ROLE_ADMIN}…) for Spring's sake; the registry's own decisions read the {@link Principal}.
 */
final class RegistryAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final Principal principal;
    private final String method;

    /** @param method how the principal authenticated: {@code token} or {@code jwt} */
    RegistryAuthentication(Principal principal, String method) {
        super(principal.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.principal = principal;
        this.method = method;
        setAuthenticated(true);
    }

    @Override
    public Principal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return principal.name();
    }

    String method() {
        return method;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryAuthentication that && that.principal.equals(principal)
                && that.method.equals(method);
    }

    @Override
    public int hashCode() {
        return List.of(principal, method).hashCode();
    }
}
