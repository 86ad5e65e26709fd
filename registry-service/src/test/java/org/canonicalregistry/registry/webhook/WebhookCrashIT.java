package org.canonicalregistry.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.canonicalregistry.registry.RegistryApplication;
import org.canonicalregistry.registry.proposal.ProposalOpened;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.PostgresSchema;
import org.canonicalregistry.registry.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox survives the process: a registry stopped while a delivery is in flight (its receiver blocking) loses
 * nothing, and after a new registry starts on the same database every event reaches every subscription exactly
 * once as judged by the CloudEvent id. Two real application contexts, the scheduled dispatcher running in each.
 */
@FreshPostgresSchema
class WebhookCrashIT {

    static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Principal OWNER = new Principal("olga", "Olga", null, Set.of(Role.OWNER));
    static final int EVENTS = 3;

    static ConfigurableApplicationContext start(PostgresSchema schema, TestClock clock) {
        return new SpringApplicationBuilder(RegistryApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("crashTestClock",
                        TestClock.class, () -> clock, bean -> bean.setPrimary(true)))
                .run("--spring.datasource.url=" + schema.jdbcUrl(),
                        "--spring.datasource.username=" + schema.user(),
                        "--spring.datasource.password=" + schema.password(),
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--registry.webhooks.dispatcher-enabled=true",
                        "--registry.webhooks.poll-interval=50ms",
                        "--registry.webhooks.lease=" + LEASE.toSeconds() + "s",
                        "--registry.webhooks.connect-timeout=2s",
                        "--registry.webhooks.request-timeout=20s");
    }

    @Test
    void anEventInFlightWhenTheRegistryStopsArrivesAfterRestartExactlyOncePerSubscription(PostgresSchema schema)
            throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            CountDownLatch blocking = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<String> blockedDelivery = new AtomicReference<>();
            CountDownLatch allAcknowledged = new CountDownLatch(2 * EVENTS);
            receiver.behave(request -> {
                if (request.path().equals("/a") && blockedDelivery.compareAndSet(null, request.deliveryId())) {
                    blocking.countDown();
                    release.await(); // the registry goes down while we hold its request
                    return 503;
                }
                allAcknowledged.countDown();
                return 200;
            });
            List<String> eventIds = new ArrayList<>();

            TestClock firstClock = new TestClock(T0);
            try (ConfigurableApplicationContext first = start(schema, firstClock)) {
                WebhookService webhooks = first.getBean(WebhookService.class);
                webhooks.subscribe(OWNER, receiver.endpoint("/a", "secret-of-subscription-a"),
                        List.of("org.canonicalregistry.proposal.opened"), "secret-of-subscription-a");
                webhooks.subscribe(OWNER, receiver.endpoint("/b", "secret-of-subscription-b"),
                        List.of("org.canonicalregistry.proposal.opened"), "secret-of-subscription-b");
                TransactionTemplate transactions = first.getBean(TransactionTemplate.class);
                for (long id = 1; id <= EVENTS; id++) {
                    ProposalOpened event = new ProposalOpened(id, "customer", "dev", "change " + id, null, false,
                            List.of(), "e".repeat(64), T0);
                    transactions.executeWithoutResult(status -> first.publishEvent(event));
                }
                eventIds.addAll(first.getBean(JdbcClient.class).sql("SELECT id FROM webhook_event ORDER BY id")
                        .query(String.class).list());
                assertThat(blocking.await(30, TimeUnit.SECONDS)).as("the dispatcher reached the receiver").isTrue();
            } // closing the context stops the dispatcher mid-request
            release.countDown();

            assertThat(eventIds).hasSize(EVENTS);
            try (PostgresSchemaRows rows = new PostgresSchemaRows(schema)) {
                assertThat(rows.status(blockedDelivery.get())).isEqualTo("PENDING");
            }

            TestClock secondClock = new TestClock(T0.plus(LEASE).plusSeconds(1));
            try (ConfigurableApplicationContext second = start(schema, secondClock)) {
                assertThat(allAcknowledged.await(60, TimeUnit.SECONDS)).as("every delivery acknowledged").isTrue();
                JdbcClient jdbc = second.getBean(JdbcClient.class);
                // The receiver counts down before its answer reaches the registry: wait for the last status update.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE status <> 'DELIVERED'").query(Long.class)
                        .single() > 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertThat(jdbc.sql("SELECT status FROM webhook_delivery").query(String.class).list())
                        .hasSize(2 * EVENTS).containsOnly("DELIVERED");
                assertThat(jdbc.sql("SELECT attempts FROM webhook_delivery WHERE id = :id").param("id", blockedDelivery.get())
                        .query(Integer.class).single()).as("the interrupted attempt counts").isEqualTo(2);
            }

            for (String path : List.of("/a", "/b")) {
                List<String> ids = receiver.acknowledged().stream().filter(r -> r.path().equals(path))
                        .map(WebhookReceiver.Received::eventId).toList();
                assertThat(ids).as("acknowledged at " + path).hasSize(EVENTS).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(eventIds);
            }
            assertThat(receiver.received()).allMatch(WebhookReceiver.Received::signatureValid);
            assertThat(receiver.received().stream().filter(r -> r.deliveryId().equals(blockedDelivery.get()))
                    .map(WebhookReceiver.Received::eventId).collect(Collectors.toSet()))
                    .as("the redelivery carries the same CloudEvent id").hasSize(1);
        }
    }

    /** Reads delivery rows with plain JDBC between the two registries. */
    record PostgresSchemaRows(java.sql.Connection connection) implements AutoCloseable {
        PostgresSchemaRows(PostgresSchema schema) throws java.sql.SQLException {
            this(schema.connect());
        }

        String status(String deliveryId) throws java.sql.SQLException {
            try (var statement = connection.prepareStatement("SELECT status FROM webhook_delivery WHERE id = ?")) {
                statement.setString(1, deliveryId);
                try (var rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            connection.close();
        }
    }
}
