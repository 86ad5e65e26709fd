package org.canonicalregistry.registry.security;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What a console session remembers about its sign-in, kept as one HTTP session attribute. It holds no secret: a
 * token sign-in keeps only the token's id and re-checks it on every request; an OIDC sign-in keeps the principal its
 * JWT named, trusted until the JWT's {@code exp}.
 *
 * @param principal the principal's name; never null
 * @param method {@code token} or {@code jwt}
 * @param tokenId the registry token's id for {@code token}; null for {@code jwt}
 * @param signedInAs for {@code jwt}, the principal the verified JWT named; null for {@code token} (read afresh
 *                   from the store on every request instead, so role changes apply at once)
 * @param signedInAt when the sign-in happened
 * @param notAfter when the session ends however active it is: the sign-in plus the configured lifetime, or the
 *                 credentials' own expiry when that is earlier
 */
record ConsoleSession(String principal, String method, String tokenId, Principal signedInAs, Instant signedInAt,
                      Instant notAfter) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The HTTP session attribute holding it. */
    static final String ATTRIBUTE = ConsoleSession.class.getName();

    ConsoleSession {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(signedInAt, "signedInAt");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    /** A session for a sign-in just authenticated at {@code now}, ending after {@code lifetime} at the latest. */
    static ConsoleSession of(RegistryAuthentication signIn, Instant now, java.time.Duration lifetime) {
        Instant end = now.plus(lifetime);
        if (signIn.expiresAt() != null && signIn.expiresAt().isBefore(end)) {
            end = signIn.expiresAt();
        }
        boolean token = signIn.tokenId() != null;
        return new ConsoleSession(signIn.getName(), signIn.method(), signIn.tokenId(),
                token ? null : signIn.getPrincipal(), now, end);
    }
}
