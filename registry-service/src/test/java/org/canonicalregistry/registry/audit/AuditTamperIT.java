package org.canonicalregistry.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.PostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with the stored chain directly in PostgreSQL (plain JDBC on the schema, outside the application) is
 * found by verify, which names the first broken sequence. Each test starts from a fresh ten-event chain.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "registry.webhooks.dispatcher-enabled=false", "registry.audit.verify-page-size=3"})
class AuditTamperIT {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final int EVENTS = 10;

    @Autowired
    AuditTrail trail;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    PostgresSchema schema;

    AuditTamperIT(PostgresSchema schema) {
        this.schema = schema;
    }

    @BeforeEach
    void freshChain() {
        jdbc.sql("DELETE FROM audit_event").update();
        jdbc.sql("UPDATE audit_chain_head SET last_sequence = 0, last_hash = :zeros WHERE id = 1")
                .param("zeros", AuditEvent.GENESIS_HASH).update();
        for (int i = 0; i < EVENTS; i++) {
            TestChange change = TestChange.of("user-" + i, "entity.updated", "entity:e" + i, T0.plus(Duration.ofSeconds(i)));
            transactions.executeWithoutResult(status -> events.publishEvent(change));
        }
        assertThat(trail.verify()).isEqualTo(AuditVerification.intact(EVENTS));
    }

    /** Runs SQL on its own connection, as an attacker with database access would. */
    void tamper(String sql, Object... params) throws SQLException {
        try (Connection c = schema.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            assertThat(s.executeUpdate()).as(sql).isPositive();
        }
    }

    @ParameterizedTest(name = "{0} of event 4 changed")
    @CsvSource({
            "actor, 'mallory'",
            "action, 'entity.deleted'",
            "target, 'entity:other'",
            "after_fingerprint, 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff'",
            "before_fingerprint, '0000000000000000000000000000000000000000000000000000000000000001'"})
    void anUpdatedFieldBreaksItsOwnLink(String column, String value) throws SQLException {
        tamper("UPDATE audit_event SET " + column + " = ? WHERE sequence = 4", value);

        AuditVerification verdict = trail.verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(4L);
        assertThat(verdict.checked()).isEqualTo(3L);
        assertThat(verdict.reason()).contains("event 4 was altered");
    }

    @Test
    void aShiftedTimestampBreaksItsOwnLink() throws SQLException {
        tamper("UPDATE audit_event SET occurred_at = occurred_at + INTERVAL '1 microsecond' WHERE sequence = 6");

        assertThat(trail.verify()).extracting(AuditVerification::valid, AuditVerification::firstBrokenSequence)
                .containsExactly(false, 6L);
    }

    @Test
    void aRecomputedHashStillBreaksTheNextLink() throws SQLException {
        // The forger changes event 5 and re-hashes it correctly; event 6 still names the old hash.
        AuditEvent original = trail.list(new AuditQuery(null, null, null, null, null, 6L), 1).events().get(0);
        String forgedHash = AuditEvent.hashOf(5, original.occurredAt(), "mallory", original.action(), original.target(),
                original.beforeFingerprint(), original.afterFingerprint(), original.previousHash());
        tamper("UPDATE audit_event SET actor = 'mallory', hash = ? WHERE sequence = 5", forgedHash);

        AuditVerification verdict = trail.verify();

        assertThat(verdict.firstBrokenSequence()).isEqualTo(6L);
        assertThat(verdict.reason()).contains("event 6 does not link to its predecessor");
    }

    @Test
    void aDeletedRowIsReportedAsMissing() throws SQLException {
        tamper("DELETE FROM audit_event WHERE sequence = 7");

        AuditVerification verdict = trail.verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(7L);
        assertThat(verdict.checked()).isEqualTo(6L);
        assertThat(verdict.reason()).contains("event 7 is missing");
    }

    @Test
    void deletingTheNewestRowsIsCaughtByTheChainHead() throws SQLException {
        tamper("DELETE FROM audit_event WHERE sequence >= 9");

        AuditVerification verdict = trail.verify();

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenSequence()).isEqualTo(9L);
        assertThat(verdict.checked()).isEqualTo(8L);
    }

    @Test
    void swappedHashesBreakTheFirstSwappedEvent() throws SQLException {
        tamper("""
                UPDATE audit_event SET hash = CASE sequence
                    WHEN 3 THEN (SELECT hash FROM audit_event WHERE sequence = 8)
                    ELSE (SELECT hash FROM audit_event WHERE sequence = 3) END
                 WHERE sequence IN (3, 8)""");

        assertThat(trail.verify()).extracting(AuditVerification::valid, AuditVerification::firstBrokenSequence)
                .containsExactly(false, 3L);
    }

    @Test
    void reorderedRowsBreakTheFirstMovedEvent() throws SQLException {
        // Swap the sequence numbers of events 2 and 5 (via a free number), keeping every other column.
        tamper("UPDATE audit_event SET sequence = 1000 WHERE sequence = 2");
        tamper("UPDATE audit_event SET sequence = 2 WHERE sequence = 5");
        tamper("UPDATE audit_event SET sequence = 5 WHERE sequence = 1000");

        assertThat(trail.verify()).extracting(AuditVerification::valid, AuditVerification::firstBrokenSequence)
                .containsExactly(false, 2L);
    }

    @Test
    void anUntouchedChainStaysValidAcrossManyVerifyPages() {
        // 10 events with verify-page-size=3: four pages, the last one partial.
        assertThat(trail.verify()).isEqualTo(AuditVerification.intact(EVENTS));
    }
}
