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
