package org.canonicalregistry.registry.security;

import java.util.Objects;

/**
 * A token just issued: its metadata and the token itself, which exists only in this value (the store keeps its
 * hash). {@link #toString()} leaves the token out, so logging this value never leaks it.
 *
 * @param token the bearer token, {@code crt_…}; never null
 */
public record IssuedToken(ApiToken metadata, String token) {

    public IssuedToken {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "IssuedToken[metadata=" + metadata + ", token=crt_***]";
    }
}
