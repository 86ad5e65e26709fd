package org.canonicalregistry.registry.security;

import java.time.Instant;
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
    private final String tokenId;
    private final Instant expiresAt;

    /** @param method how the principal authenticated: {@code token} or {@code jwt} */
    RegistryAuthentication(Principal principal, String method) {
        this(principal, method, null, null);
    }

    /**
     * @param tokenId the registry token's id when {@code method} is {@code token}, else null
     * @param expiresAt when the credentials stop being valid (token expiry, JWT {@code exp}); null for never
     */
    RegistryAuthentication(Principal principal, String method, String tokenId, Instant expiresAt) {
        super(principal.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.principal = principal;
        this.method = method;
        this.tokenId = tokenId;
        this.expiresAt = expiresAt;
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

    /** The registry token's id, or null for a JWT. A console session re-checks that token on every request. */
    String tokenId() {
        return tokenId;
    }

    /** When the credentials expire; null for never. A console session never outlives them. */
    Instant expiresAt() {
        return expiresAt;
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
