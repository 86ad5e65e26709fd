package org.canonicalregistry.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.canonicalregistry.registry.proposal.ProposalOpened;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.TestPrincipals;
import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks over HTTP on the zero-setup H2 database, with bearer tokens made through the real principals API: the
 * secret is shown once, access follows creator/ADMIN, bad input gets precise problems, and the outbox SQL is portable.
 */
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

    static final String CREATE = "{\"url\":\"https://hooks.example.com/%s\",\"eventTypes\":"
            + "[\"org.canonicalregistry.proposal.published\",\"org.canonicalregistry.version.deprecated\"]%s}";

    @Test
    void theSecretIsShownOnceAndOnlyTheCreatorOrAnAdminReachesTheSubscription() {
        TestPrincipals principals = new TestPrincipals(port);
        HttpProbe olive = new HttpProbe(port).withBearer(principals.tokenFor("api-olive", Role.OWNER));
        HttpProbe oscar = new HttpProbe(port).withBearer(principals.tokenFor("api-oscar", Role.OWNER));
        HttpProbe admin = HttpProbe.asAdmin(port);

        var created = olive.postJson("/api/v1/webhooks", CREATE.formatted("olive", ",\"secret\":\"olive-secret-0123456789\""));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/webhooks/" + id);
        assertThat(body.path("secret").asString()).isEqualTo("olive-secret-0123456789");
        assertThat(body.path("createdBy").asString()).isEqualTo("api-olive");
        assertThat(body.path("eventTypes").valueStream().map(JsonNode::asString)).containsExactly(
                "org.canonicalregistry.proposal.published", "org.canonicalregistry.version.deprecated");

        var read = olive.get("/api/v1/webhooks/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.text()).doesNotContain("olive-secret-0123456789");
        assertThat(olive.get("/api/v1/webhooks").text()).contains(id).doesNotContain("olive-secret-0123456789");
        assertThat(admin.get("/api/v1/webhooks").text()).contains(id);
        assertThat(oscar.get("/api/v1/webhooks").text()).doesNotContain(id);
        var deliveries = olive.get("/api/v1/webhooks/" + id + "/deliveries?status=PENDING&limit=5");
        assertThat(deliveries.status()).isEqualTo(200);
        assertThat(deliveries.json().isArray()).isTrue();

        for (var refused : List.of(oscar.get("/api/v1/webhooks/" + id), oscar.get("/api/v1/webhooks/" + id + "/deliveries"),
                oscar.method("DELETE", "/api/v1/webhooks/" + id))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.problemType()).isEqualTo("forbidden");
        }
        assertThat(olive.get("/api/v1/webhooks/" + id).status()).isEqualTo(200);

        assertThat(olive.method("DELETE", "/api/v1/webhooks/" + id).status()).isEqualTo(204);
        var gone = admin.get("/api/v1/webhooks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.problemType()).isEqualTo("subscription-not-found");
        JsonNode audit = admin.get("/api/v1/audit?target=webhook:" + id).json();
        assertThat(audit.path("events").valueStream().map(e -> e.path("action").asString() + " by " + e.path("actor").asString()))
                .containsExactly("webhook.deleted by api-olive", "webhook.created by api-olive");
    }

    @Test
    void withoutASecretOneIsGeneratedAndShownOnce() {
        var created = HttpProbe.asAdmin(port).postJson("/api/v1/webhooks", CREATE.formatted("generated", ""));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("secret").asString()).startsWith("whsec_").hasSize(6 + 43);
    }

    @Test
    void badInputIsAPreciseProblemAndStoresNothing() {
        HttpProbe admin = HttpProbe.asAdmin(port);
        int before = admin.get("/api/v1/webhooks").json().size();

        var metadata = admin.postJson("/api/v1/webhooks", "{\"url\":\"http://169.254.169.254/latest/meta-data/\","
                + "\"eventTypes\":[\"org.canonicalregistry.proposal.opened\",\"nope\"],\"secret\":\"short\"}");
        assertThat(metadata.status()).as(metadata.toString()).isEqualTo(400);
        assertThat(metadata.problemType()).isEqualTo("validation-failed");
        assertThat(metadata.json().path("errors").valueStream().map(e -> e.path("pointer").asString()))
                .containsExactly("/url", "/eventTypes/1", "/secret");
        assertThat(metadata.json().path("errors").get(0).path("message").asString()).contains("link-local");

        var noUrl = admin.postJson("/api/v1/webhooks", "{\"eventTypes\":[\"org.canonicalregistry.proposal.opened\"]}");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.problemType()).isEqualTo("validation-failed");
        assertThat(noUrl.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/url");

        var badId = admin.get("/api/v1/webhooks/not-a-uuid");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.problemType()).isEqualTo("malformed-request");
        var badStatus = admin.get("/api/v1/webhooks/" + ID + "/deliveries?status=LOST");
        assertThat(badStatus.status()).isEqualTo(400);
        var unknown = admin.get("/api/v1/webhooks/" + ID);
        assertThat(unknown.problemType()).isEqualTo("subscription-not-found");

        var developer = new HttpProbe(port).withBearer(new TestPrincipals(port).tokenFor("api-dev", Role.DEVELOPER))
                .postJson("/api/v1/webhooks", CREATE.formatted("dev", ""));
        assertThat(developer.status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/webhooks").json().size()).isEqualTo(before);
    }

    @Test
    void aProposalOpenedOverHttpReachesTheSubscriberAsASignedCloudEvent() {
        TestPrincipals principals = new TestPrincipals(port);
        HttpProbe owner = new HttpProbe(port).withBearer(principals.tokenFor("hook-owner", Role.OWNER));
        HttpProbe developer = new HttpProbe(port).withBearer(principals.tokenFor("hook-dev", Role.DEVELOPER));
        HttpProbe admin = HttpProbe.asAdmin(port);
        assertThat(admin.postJson("/api/v1/entities", "{\"name\":\"hooked\",\"domain\":\"sales\",\"owners\":[\"hook-owner\"]}")
                .status()).isEqualTo(201);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            var subscribed = owner.postJson("/api/v1/webhooks", "{\"url\":\"" + receiver.endpoint("/opened", "hook-secret-0123456789")
                    + "\",\"eventTypes\":[\"org.canonicalregistry.proposal.opened\"],\"secret\":\"hook-secret-0123456789\"}");
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);

            var opened = developer.postJson("/api/v1/entities/hooked/proposals",
                    "{\"schema\":{\"type\":\"object\"},\"summary\":\"first schema\"}");
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            dispatcher.dispatchDue();

            assertThat(receiver.acknowledged()).singleElement().satisfies(r -> {
                assertThat(r.signatureValid()).isTrue();
                JsonNode event = r.cloudEvent();
                assertThat(event.path("type").asString()).isEqualTo("org.canonicalregistry.proposal.opened");
                assertThat(event.path("subject").asString()).isEqualTo("proposal:" + opened.json().path("id").asLong());
                assertThat(event.path("data").path("entity").asString()).isEqualTo("hooked");
                assertThat(event.path("data").path("proposer").asString()).isEqualTo("hook-dev");
            });
            JsonNode audit = admin.get("/api/v1/audit?target=proposal:" + opened.json().path("id").asLong()).json();
            assertThat(audit.path("events").get(0).path("action").asString()).isEqualTo("proposal.opened");
        }
    }
}
