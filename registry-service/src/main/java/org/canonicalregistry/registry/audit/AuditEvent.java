package org.canonicalregistry.registry.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One stored link of the audit hash chain.
 *
 * <p>{@link #hash()} is the lower-case hex SHA-256 of the UTF-8 bytes of {@link #canonicalEncoding}: the line
 * {@code canonical-registry-audit/1}, then one line per field in the order {@code sequence, occurredAt, actor,
 * action, target, beforeFingerprint, afterFingerprint, previousHash}; a null field is the line {@code -}, any other
 * is {@code <n>:<value>} where {@code n} is the value's length in UTF-8 bytes. The length prefix makes the encoding
 * unambiguous whatever characters a value holds (a newline or a colon inside a value cannot move a field
 * boundary). {@code occurredAt} is written as {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} (UTC, microseconds, the
 * precision both databases store). The first event's {@code previousHash} is {@link #GENESIS_HASH}.
 *
 * @param sequence position in the chain, from 1, without gaps
 * @param previousHash the previous event's {@code hash}
 */
public record AuditEvent(long sequence, Instant occurredAt, String actor, String action, String target,
                  String beforeFingerprint, String afterFingerprint, String previousHash, String hash) {

    /** The {@code previousHash} of the first event: 64 zeros. */
    static final String GENESIS_HASH = "0".repeat(64);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    public AuditEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** The next link after {@code previousHash}: the change's fields, timestamp truncated to microseconds, hashed. */
    static AuditEvent link(long sequence, AuditedChange change, String previousHash) {
        Instant at = change.occurredAt().truncatedTo(ChronoUnit.MICROS);
        String hash = hashOf(sequence, at, change.actor(), change.action(), change.target(),
                change.beforeFingerprint(), change.afterFingerprint(), previousHash);
        return new AuditEvent(sequence, at, change.actor(), change.action(), change.target(),
                change.beforeFingerprint(), change.afterFingerprint(), previousHash, hash);
    }

    /** The hash this event's fields (and its {@code previousHash}) give; differs from {@link #hash()} if tampered. */
    String recomputedHash() {
        return hashOf(sequence, occurredAt, actor, action, target, beforeFingerprint, afterFingerprint, previousHash);
    }

    static String hashOf(long sequence, Instant occurredAt, String actor, String action, String target,
                         String beforeFingerprint, String afterFingerprint, String previousHash) {
        byte[] bytes = canonicalEncoding(sequence, occurredAt, actor, action, target, beforeFingerprint,
                afterFingerprint, previousHash).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The exact text that is hashed (see the class comment); public in the docs, so receivers can re-verify. */
    static String canonicalEncoding(long sequence, Instant occurredAt, String actor, String action, String target,
                                    String beforeFingerprint, String afterFingerprint, String previousHash) {
        StringBuilder out = new StringBuilder("canonical-registry-audit/1\n");
        for (String field : new String[] {Long.toString(sequence), TIME.format(occurredAt), actor, action, target,
                beforeFingerprint, afterFingerprint, previousHash}) {
            if (field == null) {
                out.append("-\n");
            } else {
                out.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append('\n');
            }
        }
        return out.toString();
    }
}
