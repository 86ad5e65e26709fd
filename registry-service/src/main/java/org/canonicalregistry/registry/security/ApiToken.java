package org.canonicalregistry.registry.security;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token's metadata as stored. The token itself is never stored (only its SHA-256) and never part of this
 * record.
 *
 * @param id random UUID, used to list and revoke the token; never null
 * @param principal name of the principal it authenticates as; never null
 * @param label what it is for; never null
 * @param createdAt never null
 * @param expiresAt null for a token that never expires
 * @param revokedAt null while not revoked
 */
public record ApiToken(String id, String principal, String label, Instant createdAt, Instant expiresAt,
                       Instant revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the token has expired at {@code now} (its expiry instant itself counts as expired). */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
