package org.canonicalregistry.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class AuditEventTest {

    static final Instant AT = Instant.parse("2026-03-01T10:00:00.5Z");

    @Test
    void encodingIsTheDocumentedLengthPrefixedLines() {
        assertThat(AuditEvent.canonicalEncoding(3, AT, "zoë", "entity.created", "entity:customer", null, "ab",
                AuditEvent.GENESIS_HASH)).isEqualTo("""
                canonical-registry-audit/1
                1:3
                27:2026-03-01T10:00:00.500000Z
                4:zoë
                14:entity.created
                15:entity:customer
                -
                2:ab
                64:%s
                """.formatted(AuditEvent.GENESIS_HASH));
    }

    /** The worked example of docs/audit-and-webhooks.md, whose hash was computed there with Python's hashlib. */
    @Test
    void theDocumentedExampleHashesToTheDocumentedValue() {
        assertThat(AuditEvent.hashOf(1, Instant.parse("2026-11-22T07:00:00Z"), "alice", "proposal.opened",
                "proposal:42", null, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                AuditEvent.GENESIS_HASH)).isEqualTo("c7e592fb2571fb6d3a288f2871f06c1c3bd3dc19002e0ac04ff7740a338c9bb7");
    }

    /** Moving characters from one field into the next can never give the same encoding (hence the same hash). */
    @Property
    void shiftingAFieldBoundaryChangesTheEncoding(@ForAll String a, @ForAll String b, @ForAll String c) {
        Assume.that(!b.isEmpty());
        String joinedLeft = AuditEvent.canonicalEncoding(1, AT, a + b, c, "t", null, null, AuditEvent.GENESIS_HASH);
        String joinedRight = AuditEvent.canonicalEncoding(1, AT, a, b + c, "t", null, null, AuditEvent.GENESIS_HASH);
        assertThat(joinedLeft).isNotEqualTo(joinedRight);
    }

    @Property
    void nullAndAnyStringEncodeDifferently(@ForAll String value) {
        assertThat(AuditEvent.canonicalEncoding(1, AT, "a", "b", "t", null, null, AuditEvent.GENESIS_HASH))
                .isNotEqualTo(AuditEvent.canonicalEncoding(1, AT, "a", "b", "t", value, null, AuditEvent.GENESIS_HASH));
    }

    @Test
    void linkTruncatesTheTimeToMicrosecondsAndHashesOverThePreviousHash() {
        TestChange change = new TestChange("a", "x.y", "t:1", null, null, Instant.parse("2026-03-01T10:00:00.123456789Z"));
        AuditEvent first = AuditEvent.link(1, change, AuditEvent.GENESIS_HASH);
        AuditEvent other = AuditEvent.link(1, change, "1".repeat(64));

        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(first.hash()).isEqualTo(first.recomputedHash()).matches("[0-9a-f]{64}");
        assertThat(other.hash()).isNotEqualTo(first.hash());
    }
}
