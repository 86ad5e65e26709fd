package org.canonicalregistry.registry.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Turns a bearer token into a {@link RegistryAuthentication}: a registry token ({@code crt_…}) is looked up by its
 * hash; anything else is a JWT for the OIDC resource server, when configured. Each refusal says precisely why
 * (malformed, unknown, revoked, expired, not a registry token with OIDC off, or the JWT check that failed) and never
 * echoes the token.
 */
final class BearerAuthentication implements AuthenticationManager {

    private final PrincipalService principals;
    private final Optional<JwtAuthenticationProvider> jwt;

    BearerAuthentication(PrincipalService principals, Optional<JwtAuthenticationProvider> jwt) {
        this.principals = principals;
        this.jwt = jwt;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return null;
        }
        String token = bearer.getToken();
        if (TokenSecret.claimsRegistryToken(token)) {
            return registryToken(token);
        }
        if (jwt.isEmpty()) {
            throw new InvalidBearerTokenException("The bearer token is not a registry token ('crt_...') and OIDC "
                    + "sign-in is not configured on this registry.");
        }
        return jwt.get().authenticate(bearer);
    }

    private Authentication registryToken(String token) {
        if (!TokenSecret.wellFormed(token)) {
            throw new InvalidBearerTokenException("The registry token is malformed: 'crt_' must be followed by "
                    + TokenSecret.MIN_RANDOM_CHARS + " to " + TokenSecret.MAX_RANDOM_CHARS
                    + " characters of A-Z a-z 0-9 - _.");
        }
        PrincipalService.TokenCheck check = principals.authenticate(token);
        if (check instanceof PrincipalService.Valid valid) {
            return new RegistryAuthentication(valid.principal(), "token", valid.token().id(), valid.token().expiresAt());
        }
        if (check instanceof PrincipalService.Revoked revoked) {
            throw new InvalidBearerTokenException("The token " + revoked.token().id() + " was revoked at "
                    + revoked.token().revokedAt() + ".");
        }
        if (check instanceof PrincipalService.Expired expired) {
            throw new InvalidBearerTokenException("The token " + expired.token().id() + " expired at "
                    + expired.token().expiresAt() + ".");
        }
        throw new InvalidBearerTokenException("The token is not known to this registry.");
    }
}
