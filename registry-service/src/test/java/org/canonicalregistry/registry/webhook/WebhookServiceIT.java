package org.canonicalregistry.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.canonicalregistry.registry.audit.AuditedChange;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.proposal.ProposalDecided;
import org.canonicalregistry.registry.proposal.ProposalOpened;
import org.canonicalregistry.registry.schema.SchemaState;
import org.canonicalregistry.registry.schema.SchemaVersionStateChanged;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Subscriptions, the outbox and the dispatcher on PostgreSQL, with a real HTTP receiver. The scheduled dispatcher is
 * off: tests run {@link WebhookDispatcher#dispatchDue()} themselves and move the clock instead of sleeping.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "registry.webhooks.dispatcher-enabled=false",
        "registry.webhooks.source=https://registry.example.com",
        "registry.webhooks.initial-backoff=10s",
        "registry.webhooks.max-backoff=1h",
        "registry.webhooks.jitter=0.2",
        "registry.webhooks.max-attempts=4"})
class WebhookServiceIT {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    static final Principal ADMIN = new Principal("ada", "Ada", null, Set.of(Role.ADMIN));
    static final Principal OWNER = new Principal("olga", "Olga", null, Set.of(Role.OWNER));
    static final Principal OTHER_OWNER = new Principal("oscar", "Oscar", null, Set.of(Role.OWNER));
    static final Principal DEVELOPER = new Principal("dev", "Dev", null, Set.of(Role.DEVELOPER, Role.READER));
    static final String SECRET = "correct-horse-battery-staple";

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(T0);
        }
    }

    @Autowired
    WebhookService webhooks;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    WebhookReceiver receiver;

    @BeforeEach
    void cleanStore() {
        receiver = new WebhookReceiver();
        jdbc.sql("DELETE FROM webhook_delivery").update();
        jdbc.sql("DELETE FROM webhook_event").update();
        jdbc.sql("DELETE FROM webhook_subscription_event").update();
        jdbc.sql("DELETE FROM webhook_subscription").update();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    void publish(AuditedChange change) {
        transactions.executeWithoutResult(status -> events.publishEvent(change));
    }

    ProposalOpened opened(long id) {
        return new ProposalOpened(id, "customer", "dev", "add loyalty tier", "1.2", false,
                List.of("owner of entity 'customer'"), "f".repeat(64), clock.instant());
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    List<Delivery> deliveries(WebhookSubscription s) {
        return webhooks.deliveries(ADMIN, s.id(), null, 50);
    }

    // ------------------------------------------------------------------ subscriptions

    @Test
    void anOwnerSubscribesAndTheCreationIsAudited() {
        long auditBefore = count("audit_event");

        WebhookSubscription created = webhooks.subscribe(OWNER, "https://hooks.example.com/registry",
                List.of("org.canonicalregistry.proposal.opened", "org.canonicalregistry.version.retired"), SECRET);

        assertThat(created.secret()).isEqualTo(SECRET);
        assertThat(created.createdBy()).isEqualTo("olga");
        assertThat(webhooks.get(OWNER, created.id())).isEqualTo(created);
        assertThat(created.eventTypes()).containsExactlyInAnyOrder(WebhookEventType.PROPOSAL_OPENED,
                WebhookEventType.VERSION_RETIRED);
        assertThat(count("audit_event")).isEqualTo(auditBefore + 1);
        Map<String, Object> audit = jdbc.sql("SELECT * FROM audit_event ORDER BY sequence DESC LIMIT 1").query().singleRow();
        assertThat(audit).containsEntry("actor", "olga").containsEntry("action", "webhook.created")
                .containsEntry("target", "webhook:" + created.id());
        assertThat(audit.get("before_fingerprint")).isNull();
        assertThat(audit.get("after_fingerprint")).isNotNull();
        assertThat(created.toString()).doesNotContain(SECRET);
    }

    @Test
    void withoutASecretTheRegistryGeneratesAStrongOne() {
        WebhookSubscription a = webhooks.subscribe(ADMIN, "https://a.example.com/", List.of("org.canonicalregistry.proposal.opened"), null);
        WebhookSubscription b = webhooks.subscribe(ADMIN, "https://b.example.com/", List.of("org.canonicalregistry.proposal.opened"), null);

        assertThat(a.secret()).startsWith("whsec_").hasSizeGreaterThanOrEqualTo(6 + 43);
        assertThat(a.secret()).isNotEqualTo(b.secret());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ftp://files.example.com/hook | must use http or https",
            "hooks.example.com/registry | must use http or https",
            "http://user:password@hooks.example.com/ | must not contain user info",
            "http://169.254.169.254/latest/meta-data/ | link-local address (169.254.169.254)",
            "http://[fe80::1]/hook | link-local address",
            "http://[::ffff:169.254.169.254]/ | link-local address",
            "http://metadata.google.internal/computeMetadata/v1/ | cloud metadata service",
            "http://100.100.100.200/latest/meta-data/ | cloud metadata address",
            "http://0.0.0.0:8080/ | unspecified address",
            "http://exa mple.com/ | is not a valid URI",
            "https:///no-host | has no valid host",
            "'   ' | is required"})
    void aBadUrlIsRefusedPreciselyAndNothingIsStored(String url, String expected) {
        long subscriptions = count("webhook_subscription");
        long audit = count("audit_event");

        assertThatThrownBy(() -> webhooks.subscribe(OWNER, url, List.of("org.canonicalregistry.proposal.opened"), SECRET))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED);
                    assertThat(errors(e)).singleElement().satisfies(error -> {
                        assertThat(error.pointer()).isEqualTo("/url");
                        assertThat(error.message()).contains(expected);
                    });
                });
        assertThat(count("webhook_subscription")).isEqualTo(subscriptions);
        assertThat(count("audit_event")).isEqualTo(audit);
    }

    @Test
    void anOverlongUrlIsRefused() {
        String url = "https://hooks.example.com/" + "a".repeat(DeliveryAddress.MAX_LENGTH);
        assertThatThrownBy(() -> webhooks.subscribe(OWNER, url, List.of("org.canonicalregistry.proposal.opened"), SECRET))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(errors(e)).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("longer than 2048 characters")));
        assertThat(count("webhook_subscription")).isZero();
    }

    @Test
    void badEventTypesAndSecretsAreEachNamedByPointer() {
        assertThatThrownBy(() -> webhooks.subscribe(OWNER, "https://hooks.example.com/",
                List.of("org.canonicalregistry.proposal.opened", "proposal.opened"), "too-short"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(errors(e))
                        .extracting(InvalidField::pointer).containsExactly("/eventTypes/1", "/secret"));
        assertThatThrownBy(() -> webhooks.subscribe(OWNER, "https://hooks.example.com/", List.of(), SECRET))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(errors(e)).singleElement()
                        .satisfies(error -> assertThat(error.pointer()).isEqualTo("/eventTypes")));
        assertThatThrownBy(() -> webhooks.subscribe(OWNER, "https://hooks.example.com/",
                List.of("org.canonicalregistry.proposal.opened"), "x".repeat(257)))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(errors(e)).singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("16 to 256 characters (had 257)")));
        assertThat(count("webhook_subscription")).isZero();
        assertThat(count("webhook_subscription_event")).isZero();
    }

    @Test
    void onlyAdminsAndOwnersMaySubscribe() {
        assertThatThrownBy(() -> webhooks.subscribe(DEVELOPER, "https://hooks.example.com/",
                List.of("org.canonicalregistry.proposal.opened"), SECRET))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        assertThat(count("webhook_subscription")).isZero();
    }

    @Test
    void theCreatorOrAnAdminMayReadAndDeleteOthersMayNot() {
        WebhookSubscription mine = webhooks.subscribe(OWNER, "https://hooks.example.com/",
                List.of("org.canonicalregistry.proposal.opened"), SECRET);
        clock.advance(Duration.ofSeconds(1));
        WebhookSubscription admins = webhooks.subscribe(ADMIN, "https://admin.example.com/",
                List.of("org.canonicalregistry.proposal.opened"), SECRET);

        assertThat(webhooks.list(OWNER)).extracting(WebhookSubscription::id).containsExactly(mine.id());
        assertThat(webhooks.list(OTHER_OWNER)).isEmpty();
        assertThat(webhooks.list(ADMIN)).extracting(WebhookSubscription::id).containsExactly(mine.id(), admins.id());
        for (Runnable denied : List.<Runnable>of(() -> webhooks.get(OTHER_OWNER, mine.id()),
                () -> webhooks.delete(OTHER_OWNER, mine.id()), () -> webhooks.deliveries(OTHER_OWNER, mine.id(), null, 10),
                () -> webhooks.delete(OWNER, admins.id()))) {
            assertThatThrownBy(denied::run).isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        }
        assertThat(count("webhook_subscription")).isEqualTo(2);

        webhooks.delete(ADMIN, mine.id());

        assertThatThrownBy(() -> webhooks.get(OWNER, mine.id())).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.problemType()).isEqualTo(ProblemType.SUBSCRIPTION_NOT_FOUND));
        Map<String, Object> audit = jdbc.sql("SELECT * FROM audit_event ORDER BY sequence DESC LIMIT 1").query().singleRow();
        assertThat(audit).containsEntry("actor", "ada").containsEntry("action", "webhook.deleted")
                .containsEntry("target", "webhook:" + mine.id());
        assertThat(audit.get("after_fingerprint")).isNull();
    }

    // ------------------------------------------------------------------ outbox

    @Test
    void aChangeQueuesOneDeliveryPerMatchingSubscriptionSharingOneEventId() {
        WebhookSubscription both = webhooks.subscribe(OWNER, "https://a.example.com/",
                List.of("org.canonicalregistry.proposal.opened", "org.canonicalregistry.proposal.decided"), SECRET);
        WebhookSubscription opened = webhooks.subscribe(OWNER, "https://b.example.com/",
                List.of("org.canonicalregistry.proposal.opened"), SECRET);
        WebhookSubscription retired = webhooks.subscribe(OWNER, "https://c.example.com/",
                List.of("org.canonicalregistry.version.retired"), SECRET);

        publish(opened(7));

        assertThat(deliveries(both)).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.eventType()).isEqualTo("org.canonicalregistry.proposal.opened");
            assertThat(d.subject()).isEqualTo("proposal:7");
        });
        assertThat(deliveries(opened)).singleElement().extracting(Delivery::eventId)
                .isEqualTo(deliveries(both).get(0).eventId());
        assertThat(deliveries(retired)).isEmpty();

        publish(new SchemaVersionStateChanged("customer", "1.2", 12L, SchemaState.DEPRECATED, SchemaState.RETIRED, null,
                "customer@2.0", "olga", "a".repeat(64), "b".repeat(64), clock.instant()));
        publish(new ProposalDecided(7, "customer", "olga", false, false, "no", "REJECTED", "a".repeat(64), "b".repeat(64),
                clock.instant()));

        assertThat(deliveries(retired)).singleElement().extracting(Delivery::eventType)
                .isEqualTo("org.canonicalregistry.version.retired");
        assertThat(deliveries(both)).extracting(Delivery::eventType).contains("org.canonicalregistry.proposal.decided");
        assertThat(deliveries(opened)).hasSize(1);
    }

    @Test
    void aRolledBackChangeQueuesNothingAndOneOutsideATransactionFails() {
        WebhookSubscription subscription = webhooks.subscribe(OWNER, "https://a.example.com/",
                List.of("org.canonicalregistry.proposal.opened"), SECRET);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            events.publishEvent(opened(1));
            throw new IllegalStateException("the proposal could not be stored");
        })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> events.publishEvent(opened(2))).isInstanceOf(IllegalTransactionStateException.class);

        assertThat(deliveries(subscription)).isEmpty();
        assertThat(count("webhook_event")).isZero();
    }

    // ------------------------------------------------------------------ dispatcher

    @Test
    void aDeliveryIsASignedCloudEventAndIsMarkedDelivered() {
        WebhookSubscription subscription = webhooks.subscribe(OWNER, receiver.endpoint("/hook", SECRET),
                List.of("org.canonicalregistry.proposal.opened"), SECRET);
        Instant now = clock.instant();
        publish(opened(42));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        WebhookReceiver.Received request = receiver.received().get(0);
        assertThat(request.signatureValid()).as("HMAC-SHA256 of <timestamp>.<body> with the secret").isTrue();
        assertThat(request.timestamp()).isEqualTo(Long.toString(now.getEpochSecond()));
        assertThat(request.contentType()).startsWith("application/cloudevents+json");
        Delivery delivery = deliveries(subscription).get(0);
        assertThat(request.deliveryId()).isEqualTo(delivery.id());
        JsonNode event = request.cloudEvent();
        assertThat(event.path("specversion").asString()).isEqualTo("1.0");
        assertThat(event.path("id").asString()).isEqualTo(delivery.eventId());
        assertThat(event.path("source").asString()).isEqualTo("https://registry.example.com");
        assertThat(event.path("type").asString()).isEqualTo("org.canonicalregistry.proposal.opened");
        assertThat(event.path("subject").asString()).isEqualTo("proposal:42");
        assertThat(Instant.parse(event.path("time").asString())).isEqualTo(now);
        assertThat(event.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(event.path("data").path("proposalId").asLong()).isEqualTo(42);
        assertThat(event.path("data").path("entity").asString()).isEqualTo("customer");
        assertThat(Instant.parse(event.path("data").path("occurredAt").asString())).isEqualTo(now);
        assertThat(event.path("data").path("requiredApprovers").get(0).asString()).isEqualTo("owner of entity 'customer'");
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastStatusCode()).isEqualTo(200);
        assertThat(delivery.deliveredAt()).isEqualTo(now);
        assertThat(dispatcher.dispatchDue()).as("nothing left to send").isZero();
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingBackoffUntilItRecovers() {
        WebhookSubscription subscription = webhooks.subscribe(OWNER, receiver.endpoint("/flaky", SECRET),
                List.of("org.canonicalregistry.proposal.opened"), SECRET);
        AtomicInteger calls = new AtomicInteger();
        receiver.behave(request -> calls.incrementAndGet() <= 2 ? 503 : 204);
        Instant start = clock.instant();
        publish(opened(9));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        Delivery afterFirst = deliveries(subscription).get(0);
        assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastStatusCode()).isEqualTo(503);
        assertThat(afterFirst.lastError()).contains("HTTP 503");
        // 10 s, shortened by up to 20 % jitter
        assertThat(afterFirst.nextAttemptAt()).isBetween(start.plusSeconds(8), start.plusSeconds(10));
        assertThat(dispatcher.dispatchDue()).as("not due before its backoff").isZero();

        clock.advance(Duration.ofSeconds(10));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        Delivery afterSecond = deliveries(subscription).get(0);
        assertThat(afterSecond.attempts()).isEqualTo(2);
        Instant now = clock.instant();
        assertThat(afterSecond.nextAttemptAt()).isBetween(now.plusSeconds(16), now.plusSeconds(20));

        clock.advance(Duration.ofSeconds(20));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        Delivery delivered = deliveries(subscription).get(0);
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        assertThat(delivered.lastStatusCode()).isEqualTo(204);
        assertThat(delivered.lastError()).isNull();
        assertThat(receiver.received()).hasSize(3).allSatisfy(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.eventId()).isEqualTo(delivered.eventId());
            assertThat(r.deliveryId()).isEqualTo(delivered.id());
        });
        assertThat(receiver.acknowledged()).hasSize(1);
    }

    @Test
    void afterMaxAttemptsADeliveryIsFailedAndNotRetried() {
        WebhookSubscription subscription = webhooks.subscribe(OWNER, receiver.endpoint("/down", SECRET),
                List.of("org.canonicalregistry.proposal.opened"), SECRET);
        receiver.behave(request -> 500);
        publish(opened(3));

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(dispatcher.dispatchDue()).as("attempt " + attempt).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
        }

        Delivery failed = deliveries(subscription).get(0);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastStatusCode()).isEqualTo(500);
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(webhooks.deliveries(OWNER, subscription.id(), DeliveryStatus.FAILED, 10)).hasSize(1);
        assertThat(webhooks.deliveries(OWNER, subscription.id(), DeliveryStatus.PENDING, 10)).isEmpty();
    }

    @Test
    void anUnreachableReceiverIsAFailedAttemptWithTheReason() {
        WebhookSubscription subscription = webhooks.subscribe(OWNER, receiver.endpoint("/gone", SECRET),
                List.of("org.canonicalregistry.proposal.opened"), SECRET);
        receiver.close();
        publish(opened(5));

        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        Delivery delivery = deliveries(subscription).get(0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.lastStatusCode()).isNull();
        assertThat(delivery.lastError()).contains("ConnectException");
    }

    @Test
    void deletingASubscriptionDropsItsPendingDeliveries() {
        WebhookSubscription subscription = webhooks.subscribe(OWNER, receiver.endpoint("/bye", SECRET),
                List.of("org.canonicalregistry.proposal.opened"), SECRET);
        publish(opened(11));

        webhooks.delete(OWNER, subscription.id());

        assertThat(count("webhook_delivery")).isZero();
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(receiver.received()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<InvalidField> errors(RegistryException e) {
        return (List<InvalidField>) e.extensions().get("errors");
    }
}
