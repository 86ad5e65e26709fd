package org.canonicalregistry.registry.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The shape and hashing of API tokens. A token is {@code crt_} followed by 256 random bits in URL-safe base64
 * (43 characters). Only its SHA-256 is stored: a fast hash is right here because the input is a uniformly random
 * 256-bit value, not a password, so there is nothing to brute-force and no need for a slow KDF.
 */
final class TokenSecret {

    static final String PREFIX = "crt_";
    /** Issued tokens have 43 characters after the prefix; a preset bootstrap token may be longer. */
    static final int MIN_RANDOM_CHARS = 32;
    static final int MAX_RANDOM_CHARS = 128;
    private static final Pattern SHAPE = Pattern.compile(
            "crt_[A-Za-z0-9_-]{" + MIN_RANDOM_CHARS + "," + MAX_RANDOM_CHARS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecret() {
    }

    /** A fresh token: {@code crt_} + 43 URL-safe characters. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code candidate} has the shape of a registry token (prefix, alphabet, length). */
    static boolean wellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    /** Whether {@code candidate} claims to be a registry token (rather than a JWT). */
    static boolean claimsRegistryToken(String candidate) {
        return candidate.startsWith(PREFIX);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: what the store keeps. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
