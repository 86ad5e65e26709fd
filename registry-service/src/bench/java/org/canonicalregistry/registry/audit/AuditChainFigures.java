package org.canonicalregistry.registry.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.canonicalregistry.registry.RegistryApplication;
import org.canonicalregistry.registry.testing.PostgresSchema;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints audit-chain figures on the test PostgreSQL (a fresh schema, dropped afterwards): append rate through the
 * real listener with 1 and 4 writers (one change per transaction), then verify time and memory on a large chain
 * (bulk-loaded with correctly linked rows). Not a test: nothing is asserted.
 */
public final class AuditChainFigures {

    static final int APPENDS = 2_000;
    static final int LARGE_CHAIN = 200_000;

    public static void main(String[] args) throws Exception {
        try (PostgresSchema schema = PostgresSchema.create();
             ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                     .web(WebApplicationType.NONE)
                     .run("--spring.datasource.url=" + schema.jdbcUrl(), "--spring.datasource.username=" + schema.user(),
                             "--spring.datasource.password=" + schema.password(), "--registry.samples.enabled=false",
                             "--registry.webhooks.dispatcher-enabled=false", "--logging.level.root=WARN")) {
            ApplicationEventPublisher events = app;
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);
            AuditTrail trail = app.getBean(AuditTrail.class);

            for (int writers : new int[] {1, 4}) {
                ExecutorService pool = Executors.newFixedThreadPool(writers);
                long start = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String actor = "writer-" + w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < APPENDS / writers; i++) {
                            AuditedChange change = new BenchChange(actor, "entity.updated", "entity:e" + i, Instant.now());
                            tx.executeWithoutResult(s -> events.publishEvent(change));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                pool.shutdown();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("append: %d changes, %d writer(s), one per transaction: %.0f changes/s%n",
                        APPENDS, writers, APPENDS / seconds);
            }

            long loaded = bulkLoad(schema, LARGE_CHAIN);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapBefore = rt.totalMemory() - rt.freeMemory();
            long start = System.nanoTime();
            AuditVerification verdict = trail.verify();
            double seconds = (System.nanoTime() - start) / 1e9;
            long heapAfter = rt.totalMemory() - rt.freeMemory();
            System.out.printf("verify: %d events in %.2f s (%.0f events/s), valid=%s, heap delta %d MB (page size 1000)%n",
                    verdict.checked(), seconds, verdict.checked() / seconds, verdict.valid(),
                    (heapAfter - heapBefore) / (1024 * 1024));
            if (verdict.checked() != loaded) {
                System.out.println("unexpected: checked " + verdict.checked() + " of " + loaded);
            }
            start = System.nanoTime();
            int pages = 0;
            for (int i = 0; i < 100; i++) {
                pages += trail.list(new AuditQuery("entity:e7", null, null, null, null, null), 50).events().isEmpty() ? 0 : 1;
            }
            System.out.printf("list by target (50 per page) on %d events: %.2f ms per page%n", verdict.checked(),
                    (System.nanoTime() - start) / 1e6 / 100);
        }
    }

    /** Appends correctly linked events after the current head with JDBC batches; returns the chain length. */
    private static long bulkLoad(PostgresSchema schema, int total) throws Exception {
        try (Connection c = schema.connect()) {
            c.setAutoCommit(false);
            long last;
            String hash;
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT last_sequence, last_hash FROM audit_chain_head")) {
                rs.next();
                last = rs.getLong(1);
                hash = rs.getString(2);
            }
            Instant at = Instant.parse("2026-01-01T00:00:00Z");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_event (sequence, occurred_at, actor, "
                    + "action, target, before_fingerprint, after_fingerprint, previous_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (long seq = last + 1; seq <= total; seq++) {
                    AuditEvent e = AuditEvent.link(seq, new BenchChange("bulk", "entity.updated", "entity:e" + (seq % 1000),
                            at.plusSeconds(seq)), hash);
                    insert.setLong(1, e.sequence());
                    insert.setObject(2, e.occurredAt().atOffset(ZoneOffset.UTC));
                    insert.setString(3, e.actor());
                    insert.setString(4, e.action());
                    insert.setString(5, e.target());
                    insert.setString(6, e.beforeFingerprint());
                    insert.setString(7, e.afterFingerprint());
                    insert.setString(8, e.previousHash());
                    insert.setString(9, e.hash());
                    insert.addBatch();
                    hash = e.hash();
                    last = seq;
                    if (seq % 5_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("UPDATE audit_chain_head SET last_sequence = ?, last_hash = ?")) {
                head.setLong(1, last);
                head.setString(2, hash);
                head.executeUpdate();
            }
            c.commit();
            return last;
        }
    }

    record BenchChange(String actor, String action, String target, Instant occurredAt) implements AuditedChange {
        @Override
        public String beforeFingerprint() {
            return null;
        }

        @Override
        public String afterFingerprint() {
            return StateFingerprint.of(target + occurredAt);
        }
    }
}
