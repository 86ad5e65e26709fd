package org.canonicalregistry.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The audit endpoints over HTTP on the zero-setup H2 database (also proves the chain's SQL runs on H2). */
@H2RegistryTest
@DirtiesContext
class AuditApiTest {

    static final Instant T0 = Instant.parse("2026-04-01T09:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;

    HttpProbe http;

    @BeforeEach
    void connect() {
        http = new HttpProbe(port);
    }

    void publish(TestChange change) {
        transactions.executeWithoutResult(status -> events.publishEvent(change));
    }

    @Test
    void eventsAreListedNewestFirstWithFiltersAndTheChainVerifies() {
        publish(TestChange.of("alice", "entity.created", "entity:api-a", T0));
        publish(TestChange.of("bob", "entity.updated", "entity:api-a", T0.plusSeconds(60)));
        publish(TestChange.of("alice", "entity.created", "entity:api-b", T0.plusSeconds(120)));

        JsonNode page = http.get("/api/v1/audit?target=entity:api-a").json();
        assertThat(page.path("events").valueStream().map(e -> e.path("actor").asString())).containsExactly("bob", "alice");
        JsonNode newest = page.path("events").get(0);
        assertThat(newest.path("action").asString()).isEqualTo("entity.updated");
        assertThat(newest.path("previousHash").asString()).isEqualTo(page.path("events").get(1).path("hash").asString());
        assertThat(newest.path("hash").asString()).matches("[0-9a-f]{64}");
        assertThat(page.path("nextBefore").isNull() || page.path("nextBefore").isMissingNode()).isTrue();

        JsonNode alice = http.get("/api/v1/audit?actor=alice&from=2026-04-01T09:01:00Z&limit=1").json();
        assertThat(alice.path("events").valueStream().map(e -> e.path("target").asString())).containsExactly("entity:api-b");

        JsonNode firstPage = http.get("/api/v1/audit?limit=2").json();
        assertThat(firstPage.path("events")).hasSize(2);
        long before = firstPage.path("nextBefore").asLong();
        JsonNode secondPage = http.get("/api/v1/audit?limit=2&before=" + before).json();
        assertThat(secondPage.path("events").get(0).path("sequence").asLong()).isLessThan(before);

        var verify = http.get("/api/v1/audit/verify");
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.json().path("valid").asBoolean()).isTrue();
        assertThat(verify.json().path("checked").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(verify.json().path("firstBrokenSequence").isNull()).isTrue();
    }

    @Test
    void badQueryParametersAreMalformedRequests() {
        for (String query : new String[] {"limit=0", "limit=201", "before=0", "from=yesterday", "target="}) {
            var reply = http.get("/api/v1/audit?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.problemType()).as(query).isEqualTo("malformed-request");
        }
    }

    @Test
    void aChangeMadeOverHttpIsAuditedWithItsActorAndAReaderMayReadIt() {
        var created = HttpProbe.asAdmin(port).postJson("/api/v1/entities", "{\"name\":\"audited\",\"domain\":\"sales\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        HttpProbe reader = new HttpProbe(port).withBearer(
                new org.canonicalregistry.registry.testing.TestPrincipals(port).tokenFor("audit-reader",
                        org.canonicalregistry.registry.security.Role.READER));

        var page = reader.get("/api/v1/audit?target=entity:audited");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("events")).singleElement().satisfies(event -> {
            assertThat(event.path("action").asString()).isEqualTo("entity.created");
            assertThat(event.path("actor").asString()).isEqualTo("admin");
            assertThat(event.path("beforeFingerprint").isNull()).isTrue();
            assertThat(event.path("afterFingerprint").asString()).matches("[0-9a-f]{64}");
        });
        assertThat(reader.get("/api/v1/audit/verify").json().path("valid").asBoolean()).isTrue();
    }
}
