package org.canonicalregistry.registry.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a stored state, for {@link AuditedChange#beforeFingerprint()} and {@link AuditedChange#afterFingerprint()}.
 * Features fingerprint the record they store ({@code toString()} of a record of value types is stable).
 */
public final class StateFingerprint {

    private StateFingerprint() {
    }

    /** Lower-case hex SHA-256 of {@code String.valueOf(state)} in UTF-8; null for a null state. */
    public static String of(Object state) {
        if (state == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(state).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
