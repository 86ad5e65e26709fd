package org.canonicalregistry.registry.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.testing.TestPublications;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The entities API over HTTP on the zero-setup H2 database. */
@H2RegistryTest
class EntityApiTest {

    @LocalServerPort
    int port;

    HttpProbe http;

    @BeforeEach
    void connect() {
        http = HttpProbe.asAdmin(port);
    }

    @Test
    void createAnswers201WithLocationAndTheStoredEntity() {
        var reply = http.postJson("/api/v1/entities", """
                {"name":"shipment","domain":"logistics","description":"A parcel on its way",
                 "owners":["carol","alice"],"systemOfRecord":"wms"}""");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.header("Location")).isEqualTo("/api/v1/entities/shipment");
        JsonNode entity = reply.json();
        assertThat(entity.path("name").asString()).isEqualTo("shipment");
        assertThat(entity.path("owners").valueStream().map(JsonNode::asString)).containsExactly("alice", "carol");
        assertThat(entity.path("compatibility").asString()).isEqualTo("BACKWARD_TRANSITIVE");
        assertThat(entity.path("compatibilityPolicy").asString()).isEqualTo("STRICT");
        assertThat(entity.path("latestVersion").isNull()).isTrue();

        var read = http.get("/api/v1/entities/shipment");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(entity);
    }

    @Test
    void creatingAnExistingNameIsEntityAlreadyExists() {
        http.postJson("/api/v1/entities", "{\"name\":\"warehouse\",\"domain\":\"logistics\"}");

        var again = http.postJson("/api/v1/entities", "{\"name\":\"warehouse\",\"domain\":\"other\"}");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("entity-already-exists");
        assertThat(http.get("/api/v1/entities/warehouse").json().path("domain").asString()).isEqualTo("logistics");
    }

    @Test
    void listFiltersByDomainAndOwnerTogether() {
        http.postJson("/api/v1/entities", "{\"name\":\"lead\",\"domain\":\"marketing\",\"owners\":[\"dana\"]}");
        http.postJson("/api/v1/entities", "{\"name\":\"campaign\",\"domain\":\"marketing\",\"owners\":[\"erin\"]}");
        http.postJson("/api/v1/entities", "{\"name\":\"ticket\",\"domain\":\"support\",\"owners\":[\"dana\"]}");

        assertThat(names(http.get("/api/v1/entities?domain=marketing"))).containsExactly("campaign", "lead");
        assertThat(names(http.get("/api/v1/entities?owner=dana"))).contains("lead", "ticket").doesNotContain("campaign");
        assertThat(names(http.get("/api/v1/entities?domain=marketing&owner=dana"))).containsExactly("lead");
        assertThat(names(http.get("/api/v1/entities?domain=nobody-uses-this"))).isEmpty();
    }

    @Test
    void patchReplacesOnlyThePresentMembers() {
        http.postJson("/api/v1/entities", """
                {"name":"contract","domain":"legal","description":"Signed terms","owners":["frank"],
                 "systemOfRecord":"clm"}""");

        var reply = http.patchJson("/api/v1/entities/contract", "{\"owners\":[\"gina\",\"hugo\"],\"compatibility\":\"FULL\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode entity = reply.json();
        assertThat(entity.path("owners").valueStream().map(JsonNode::asString)).containsExactly("gina", "hugo");
        assertThat(entity.path("compatibility").asString()).isEqualTo("FULL");
        assertThat(entity.path("description").asString()).isEqualTo("Signed terms");
        assertThat(entity.path("systemOfRecord").asString()).isEqualTo("clm");
        assertThat(entity.path("domain").asString()).isEqualTo("legal");
    }

    @Test
    void patchOfAnUnknownEntityIsEntityNotFound() {
        var reply = http.patchJson("/api/v1/entities/never-created", "{\"description\":\"x\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.problemType()).isEqualTo("entity-not-found");
    }

    @Test
    void latestVersionFollowsRegistrations() {
        http.postJson("/api/v1/entities", "{\"name\":\"voucher\",\"domain\":\"sales\"}");
        new TestPublications(port).publish("voucher", "{\"type\":\"object\"}");

        assertThat(http.get("/api/v1/entities/voucher").json().path("latestVersion").asString()).isEqualTo("1.0");
    }

    private static java.util.List<String> names(HttpProbe.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().valueStream().map(entity -> entity.path("name").asString()).toList();
    }
}
