package org.canonicalregistry.registry.security;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code registry.security.*}.
 *
 * @param reads {@code open} (default): anyone may read; {@code authenticated}: reads need a token too. Writes
 *              always need an authenticated principal.
 * @param bootstrapToken preset token of the bootstrap admin (env {@code REGISTRY_SECURITY_BOOTSTRAP_TOKEN}), used
 *                       only on a first start with no ADMIN; {@code crt_} + 32 to 128 URL-safe characters. When
 *                       absent, a random token is generated and logged once.
 * @param oidc optional OIDC/JWT sign-in
 * @param console the owners' console sessions
 */
@ConfigurationProperties("registry.security")
public record SecuritySettings(@DefaultValue("open") ReadAccess reads, String bootstrapToken,
                               @DefaultValue Oidc oidc, @DefaultValue Console console) {

    /**
     * Console sessions. The idle timeout is the servlet container's ({@code server.servlet.session.timeout}); this
     * bounds a session's whole life, however active, and a session never outlives the token or JWT it began with.
     *
     * @param sessionLifetime absolute lifetime of a console session (default 8 hours: one working day)
     */
    public record Console(@DefaultValue("8h") Duration sessionLifetime) {

        static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

        public Console {
            if (sessionLifetime.isNegative() || sessionLifetime.isZero()) {
                throw new IllegalArgumentException("registry.security.console.session-lifetime must be positive");
            }
        }
    }

    /** Who may read. */
    public enum ReadAccess {
        OPEN, AUTHENTICATED
    }

    public SecuritySettings {
        if (bootstrapToken != null && !bootstrapToken.isEmpty() && !TokenSecret.wellFormed(bootstrapToken)) {
            // Never echo the value: it is a secret, even when it is a bad one.
            throw new IllegalArgumentException("registry.security.bootstrap-token (REGISTRY_SECURITY_BOOTSTRAP_TOKEN) "
                    + "must be 'crt_' followed by " + TokenSecret.MIN_RANDOM_CHARS + " to " + TokenSecret.MAX_RANDOM_CHARS
                    + " characters of A-Z a-z 0-9 - _ (it has " + bootstrapToken.length() + " characters in all)");
        }
        if (bootstrapToken != null && bootstrapToken.isEmpty()) {
            bootstrapToken = null;
        }
        if (console == null) {
            console = new Console(Console.DEFAULT_LIFETIME);
        }
    }

    /**
     * OIDC/JWT sign-in through Spring Security's resource server. Enabled when {@code jwkSetUri} or
     * {@code publicKeyLocation} is set.
     *
     * @param issuer expected {@code iss}; when set, tokens from any other issuer are refused
     * @param jwkSetUri the issuer's JWK set (keys are fetched from it, and refreshed on unknown key ids)
     * @param publicKeyLocation alternatively, one RSA public key (PEM, X.509 SubjectPublicKeyInfo), e.g. {@code file:/etc/registry/idp.pem}
     * @param audience expected {@code aud} member; null = not checked
     * @param nameClaim claim holding the principal name (default {@code preferred_username})
     * @param displayNameClaim claim holding the display name (default {@code name}; falls back to the principal name)
     * @param emailClaim claim holding the email (default {@code email})
     * @param rolesClaim claim holding the caller's groups or roles: a string array or a space-separated string
     *                   (default {@code groups})
     * @param roleMapping claim value to registry role, e.g. {@code registry-admins: ADMIN}; values not listed grant
     *                    nothing
     */
    public record Oidc(String issuer, String jwkSetUri, String publicKeyLocation, String audience,
                       @DefaultValue("preferred_username") String nameClaim, @DefaultValue("name") String displayNameClaim,
                       @DefaultValue("email") String emailClaim, @DefaultValue("groups") String rolesClaim,
                       Map<String, Role> roleMapping) {

        public Oidc {
            roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        }

        public boolean enabled() {
            return present(jwkSetUri) || present(publicKeyLocation);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }
}
