package org.canonicalregistry.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.canonicalregistry.registry.proposal.ProposalOpened;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Webhooks on the zero-setup H2 database: the outbox SQL is portable, and every endpoint needs credentials. */
@H2RegistryTest
@TestPropertySource(properties = "registry.webhooks.dispatcher-enabled=false")
class WebhookApiTest {

    static final String ID = "00000000-0000-4000-8000-000000000000";

    @LocalServerPort
    int port;
    @Autowired
    WebhookService webhooks;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void everyWebhookEndpointRefusesAnonymousCallers() {
        HttpProbe http = new HttpProbe(port);
        List<HttpProbe.Reply> replies = List.of(
                http.get("/api/v1/webhooks"),
                http.postJson("/api/v1/webhooks", "{\"url\":\"https://hooks.example.com/\",\"eventTypes\":"
                        + "[\"org.canonicalregistry.proposal.opened\"]}"),
                http.get("/api/v1/webhooks/" + ID),
                http.get("/api/v1/webhooks/" + ID + "/deliveries"),
                http.method("DELETE", "/api/v1/webhooks/" + ID));
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.problemType()).isEqualTo("unauthorized");
        });
        assertThat(webhooks.list(new Principal("ada", "Ada", null, Set.of(Role.ADMIN))))
                .extracting(WebhookSubscription::url).doesNotContain("https://hooks.example.com/");
    }

    @Test
    void anEventIsQueuedAndDeliveredOnH2() {
        Principal owner = new Principal("olga", "Olga", null, Set.of(Role.OWNER));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            WebhookSubscription subscription = webhooks.subscribe(owner, receiver.endpoint("/h2", "h2-secret-0123456789"),
                    List.of("org.canonicalregistry.proposal.opened"), "h2-secret-0123456789");
            ProposalOpened event = new ProposalOpened(1, "customer", "dev", "s", null, true, List.of("owners"),
                    "a".repeat(64), Instant.parse("2026-04-01T09:00:00Z"));
            transactions.executeWithoutResult(status -> events.publishEvent(event));

            assertThat(dispatcher.dispatchDue()).isEqualTo(1);

            assertThat(receiver.acknowledged()).singleElement().satisfies(r -> {
                assertThat(r.signatureValid()).isTrue();
                assertThat(r.cloudEvent().path("data").path("breaking").asBoolean()).isTrue();
            });
            assertThat(webhooks.deliveries(owner, subscription.id(), DeliveryStatus.DELIVERED, 10)).hasSize(1);
        }
    }
}
