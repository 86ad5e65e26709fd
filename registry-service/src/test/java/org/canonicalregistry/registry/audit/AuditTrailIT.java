package org.canonicalregistry.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit trail on PostgreSQL: appends in the change's transaction, filters, paging, concurrency, verify. */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "registry.webhooks.dispatcher-enabled=false",
        // small pages, so verification crosses many page boundaries
        "registry.audit.verify-page-size=7"})
class AuditTrailIT {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

    @Autowired
    AuditTrail trail;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyChain() {
        jdbc.sql("DELETE FROM audit_event").update();
        jdbc.sql("UPDATE audit_chain_head SET last_sequence = 0, last_hash = :zeros WHERE id = 1")
                .param("zeros", AuditEvent.GENESIS_HASH).update();
    }

    void publish(AuditedChange change) {
        transactions.executeWithoutResult(status -> events.publishEvent(change));
    }

    @Test
    void eachChangeAppendsOneLinkedEventWithItsFields() {
        TestChange created = new TestChange("alice", "entity.created", "entity:customer", null, "a".repeat(64), T0);
        TestChange updated = new TestChange("bob", "entity.updated", "entity:customer", "a".repeat(64), "b".repeat(64),
                T0.plusSeconds(5));

        publish(created);
        publish(updated);

        List<AuditEvent> chain = trail.list(AuditQuery.all(), 10).events();
        assertThat(chain).extracting(AuditEvent::sequence).containsExactly(2L, 1L);
        AuditEvent first = chain.get(1);
        AuditEvent second = chain.get(0);
        assertThat(first.actor()).isEqualTo("alice");
        assertThat(first.beforeFingerprint()).isNull();
        assertThat(first.afterFingerprint()).isEqualTo("a".repeat(64));
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(first.previousHash()).isEqualTo(AuditEvent.GENESIS_HASH);
        assertThat(first.hash()).isEqualTo(first.recomputedHash()).hasSize(64);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.action()).isEqualTo("entity.updated");
        assertThat(trail.verify()).isEqualTo(AuditVerification.intact(2));
    }

    @Test
    void aRolledBackChangeLeavesNoEventAndTheChainContinuesFromTheLastCommittedOne() {
        publish(TestChange.of("alice", "entity.created", "entity:kept", T0));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(TestChange.of("alice", "entity.created", "entity:rolled-back", T0));
            throw new IllegalStateException("the change failed after publishing");
        })).isInstanceOf(IllegalStateException.class);
        publish(TestChange.of("alice", "entity.created", "entity:after", T0));

        assertThat(trail.list(AuditQuery.all(), 10).events()).extracting(AuditEvent::target)
                .containsExactly("entity:after", "entity:kept");
        assertThat(trail.verify()).isEqualTo(AuditVerification.intact(2));
    }

    @Test
    void aChangePublishedOutsideATransactionFailsLoudlyAndIsNotRecorded() {
        assertThatThrownBy(() -> events.publishEvent(TestChange.of("alice", "entity.created", "entity:x", T0)))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single()).isZero();
    }

    @Test
    void filtersByTargetActorActionAndTimeCombineAndPagesRunNewestFirst() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        for (int i = 0; i < 12; i++) {
            publish(TestChange.of(i % 2 == 0 ? "alice" : "bob", i % 3 == 0 ? "proposal.opened" : "proposal.approved",
                    "proposal:" + (i % 4), t.plus(Duration.ofMinutes(i))));
        }

        assertThat(trail.list(new AuditQuery("proposal:1", null, null, null, null, null), 50).events())
                .extracting(AuditEvent::sequence).containsExactly(10L, 6L, 2L);
        assertThat(trail.list(new AuditQuery(null, "alice", "proposal.opened", null, null, null), 50).events())
                .extracting(AuditEvent::sequence).containsExactly(7L, 1L);
        // [t+3min, t+6min): events 4, 5, 6 (sequence = minute + 1)
        assertThat(trail.list(new AuditQuery(null, null, null, t.plus(Duration.ofMinutes(3)),
                t.plus(Duration.ofMinutes(6)), null), 50).events())
                .extracting(AuditEvent::sequence).containsExactly(6L, 5L, 4L);
        assertThat(trail.list(new AuditQuery("proposal:3", "alice", null, null, null, null), 50).events()).isEmpty();

        AuditPage first = trail.list(AuditQuery.all(), 5);
        assertThat(first.events()).extracting(AuditEvent::sequence).containsExactly(12L, 11L, 10L, 9L, 8L);
        assertThat(first.nextBefore()).isEqualTo(8L);
        AuditPage second = trail.list(new AuditQuery(null, null, null, null, null, first.nextBefore()), 5);
        assertThat(second.events()).extracting(AuditEvent::sequence).containsExactly(7L, 6L, 5L, 4L, 3L);
        AuditPage last = trail.list(new AuditQuery(null, null, null, null, null, second.nextBefore()), 5);
        assertThat(last.events()).extracting(AuditEvent::sequence).containsExactly(2L, 1L);
        assertThat(last.nextBefore()).isNull();
    }

    @Test
    void pageSizeIsBounded() {
        for (int i = 0; i < AuditTrail.MAX_PAGE_SIZE + 3; i++) {
            publish(TestChange.of("alice", "entity.updated", "entity:bulk", T0));
        }

        AuditPage page = trail.list(AuditQuery.all(), 10_000);

        assertThat(page.events()).hasSize(AuditTrail.MAX_PAGE_SIZE);
        assertThat(page.nextBefore()).isEqualTo(4L);
    }

    @Test
    void parallelWritersGetOneGaplessChainThatVerifies() throws Exception {
        int writers = 8;
        int changesEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                String actor = "writer-" + w;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < changesEach; i++) {
                        publish(TestChange.of(actor, "entity.updated", "entity:e" + i, T0));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int total = writers * changesEach;
        assertThat(jdbc.sql("SELECT sequence FROM audit_event ORDER BY sequence").query(Long.class).list())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(trail.verify()).isEqualTo(AuditVerification.intact(total));
        for (int w = 0; w < writers; w++) {
            assertThat(trail.list(new AuditQuery(null, "writer-" + w, null, null, null, null), 200).events())
                    .hasSize(changesEach);
        }
    }
}
