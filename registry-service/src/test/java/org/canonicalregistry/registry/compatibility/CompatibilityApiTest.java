package org.canonicalregistry.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The stateless compatibility check over HTTP on the zero-setup H2 database: verdict, typed changes, confirmed
 * witnesses, labelled sides. (The entity check and registration are covered on PostgreSQL by the ITs.)
 */
@H2RegistryTest
class CompatibilityApiTest {

    private static final String OPTIONAL_A = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    private static final String REQUIRED_A =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}},\"required\":[\"a\"]}";

    @LocalServerPort
    int port;

    HttpProbe http;

    @BeforeEach
    void connect() {
        http = HttpProbe.asAdmin(port);
    }

    @Test
    void addingARequiredPropertyBreaksBackwardWithAConfirmedWitness() {
        var reply = http.postJson("/api/v1/compatibility/check",
                "{\"old\":" + OPTIONAL_A + ",\"candidate\":" + REQUIRED_A + ",\"mode\":\"BACKWARD\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode result = reply.json();
        assertThat(result.path("compatible").asBoolean()).isFalse();
        assertThat(result.path("mode").asString()).isEqualTo("BACKWARD");
        assertThat(result.path("policy").asString()).isEqualTo("STRICT");
        assertThat(result.path("checkedAgainst").valueStream().map(JsonNode::asString)).containsExactly("old");
        JsonNode change = result.path("changes").get(0);
        assertThat(change.path("type").asString()).isEqualTo("REQUIRED_PROPERTY_ADDED");
        assertThat(change.path("breaks").asString()).isEqualTo("BACKWARD");
        assertThat(change.path("breaking").asBoolean()).isTrue();
        assertThat(change.path("message").asString()).isNotBlank();
        JsonNode witness = result.path("witnesses").get(0);
        assertThat(witness.path("acceptedBy").asString()).isEqualTo("old");
        assertThat(witness.path("rejectedBy").asString()).isEqualTo("candidate");
        assertThat(witness.path("instance").isObject()).isTrue();
        assertThat(witness.path("instance").has("a")).isFalse();
    }

    @Test
    void theSameChangeIsFineForForwardOnly() {
        var reply = http.postJson("/api/v1/compatibility/check",
                "{\"old\":" + OPTIONAL_A + ",\"candidate\":" + REQUIRED_A + ",\"mode\":\"FORWARD\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("compatible").asBoolean()).isTrue();
        assertThat(reply.json().path("changes").get(0).path("breaking").asBoolean()).isFalse();
        assertThat(reply.json().path("witnesses").size()).isZero();
    }

    @Test
    void transitiveModesCompareWithEveryPreviousSchema() {
        var reply = http.postJson("/api/v1/compatibility/check", "{\"previous\":[" + OPTIONAL_A + "," + OPTIONAL_A
                + "],\"candidate\":" + OPTIONAL_A + ",\"mode\":\"FULL_TRANSITIVE\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("compatible").asBoolean()).isTrue();
        assertThat(reply.json().path("checkedAgainst").valueStream().map(JsonNode::asString))
                .containsExactly("previous[0]", "previous[1]");
    }

    @Test
    void oldAndPreviousTogetherIsValidationFailed() {
        var reply = http.postJson("/api/v1/compatibility/check",
                "{\"old\":{},\"previous\":[{}],\"candidate\":{}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation-failed");
    }

    @Test
    void aRemoteReferenceInTheCandidateIsRejectedNamingWhereItSits() {
        var reply = http.postJson("/api/v1/compatibility/check",
                "{\"old\":{},\"candidate\":{\"$ref\":\"https://127.0.0.1:9/x.json\"}}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
        assertThat(reply.problemType()).isEqualTo("schema-rejected");
        assertThat(reply.json().path("detail").asString()).contains("/candidate");
    }
}
