package org.canonicalregistry.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.canonicalregistry.registry.compatibility.RegistrationCompatibilityIT.ID;
import static org.canonicalregistry.registry.compatibility.RegistrationCompatibilityIT.ID_EMAIL;
import static org.canonicalregistry.registry.compatibility.RegistrationCompatibilityIT.STATUS_AB;
import static org.canonicalregistry.registry.compatibility.RegistrationCompatibilityIT.STATUS_ABC;
import static org.canonicalregistry.registry.compatibility.RegistrationCompatibilityIT.only;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestPublications;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/compatibility/check} (stateless) and {@code POST /api/v1/entities/{name}/compatibility}, over
 * HTTP on real PostgreSQL (registry references resolve from the store).
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompatibilityEndpointsIT {

    static final String CHECK = "/api/v1/compatibility/check";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    TestPublications publications;

    @BeforeEach
    void connect() {
        http = HttpProbe.asAdmin(port);
        publications = new TestPublications(port);
    }

    // ---------------------------------------------------------------- stateless

    @Test
    void removedEnumValueIsABackwardBreakWithAWitnessCarryingThatValue() {
        var reply = ok(http.postJson(CHECK, """
                {"old":%s,"candidate":%s,"mode":"BACKWARD","policy":"STRICT"}""".formatted(STATUS_ABC, STATUS_AB)));

        JsonNode result = reply.json();
        assertThat(result.path("compatible").asBoolean()).isFalse();
        assertThat(result.path("mode").asString()).isEqualTo("BACKWARD");
        assertThat(result.path("checkedAgainst").toString()).isEqualTo("[\"old\"]");
        JsonNode change = only(result.path("changes"), "ENUM_VALUE_REMOVED");
        assertThat(change.path("breaks").asString()).isEqualTo("BACKWARD");
        assertThat(change.path("breaking").asBoolean()).isTrue();
        JsonNode witness = only(result.path("witnesses"), "ENUM_VALUE_REMOVED");
        assertThat(witness.path("instance").path("status").asString()).isEqualTo("C");
        assertThat(witness.path("acceptedBy").asString()).isEqualTo("old");
        assertThat(witness.path("rejectedBy").asString()).isEqualTo("candidate");
    }

    @Test
    void theReverseChangeIsCompatibleBackwardButNotForward() {
        String body = """
                {"old":%s,"candidate":%s,"mode":"%s"}""";

        var backward = ok(http.postJson(CHECK, body.formatted(STATUS_AB, STATUS_ABC, "BACKWARD")));
        var forward = ok(http.postJson(CHECK, body.formatted(STATUS_AB, STATUS_ABC, "FORWARD")));

        assertThat(backward.json().path("compatible").asBoolean()).isTrue();
        assertThat(backward.json().path("witnesses").size()).isZero();
        assertThat(forward.json().path("compatible").asBoolean()).isFalse();
        JsonNode witness = only(forward.json().path("witnesses"), "ENUM_VALUE_ADDED");
        assertThat(witness.path("instance").path("status").asString()).isEqualTo("C");
        assertThat(witness.path("acceptedBy").asString()).isEqualTo("candidate");
        assertThat(witness.path("rejectedBy").asString()).isEqualTo("old");
    }

    @Test
    void previousListIsCheckedOldestFirstAndTransitivelyWhenAsked() {
        String body = """
                {"previous":[%s,%s],"candidate":%s,"mode":"%s"}""";

        var latestOnly = ok(http.postJson(CHECK, body.formatted(STATUS_ABC, STATUS_AB, STATUS_AB, "BACKWARD")));
        var transitive = ok(http.postJson(CHECK, body.formatted(STATUS_ABC, STATUS_AB, STATUS_AB, "BACKWARD_TRANSITIVE")));

        assertThat(latestOnly.json().path("compatible").asBoolean()).isTrue();
        assertThat(latestOnly.json().path("checkedAgainst").toString()).isEqualTo("[\"previous[1]\"]");
        assertThat(transitive.json().path("compatible").asBoolean()).isFalse();
        assertThat(transitive.json().path("checkedAgainst").toString()).isEqualTo("[\"previous[0]\",\"previous[1]\"]");
        assertThat(only(transitive.json().path("witnesses"), "ENUM_VALUE_REMOVED").path("acceptedBy").asString())
                .isEqualTo("previous[0]");
    }

    @Test
    void draft07SchemasWithDefinitionsAreCompared() {
        String old = """
                {"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"code":{"type":"string","maxLength":10}},
                 "type":"object","properties":{"code":{"$ref":"#/definitions/code"}}}""";
        String candidate = """
                {"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"code":{"type":"string","maxLength":5}},
                 "type":"object","properties":{"code":{"$ref":"#/definitions/code"}}}""";

        var reply = ok(http.postJson(CHECK, """
                {"old":%s,"candidate":%s}""".formatted(old, candidate)));

        assertThat(reply.json().path("compatible").asBoolean()).isFalse();
        only(reply.json().path("changes"), "MAX_LENGTH_DECREASED");
        JsonNode witness = only(reply.json().path("witnesses"), "MAX_LENGTH_DECREASED");
        assertThat(witness.path("instance").path("code").asString()).hasSizeBetween(6, 10);
    }

    @Test
    void draftParameterAppliesToSchemasWithoutSchemaKeyword() {
        // draft-04: exclusiveMaximum is a boolean modifier of maximum; 2020-12 would refuse a boolean there.
        String old = """
                {"type":"number","maximum":10}""";
        String candidate = """
                {"type":"number","maximum":10,"exclusiveMaximum":true}""";

        var reply = ok(http.postJson(CHECK, """
                {"old":%s,"candidate":%s,"draft":"draft-04"}""".formatted(old, candidate)));
        var asDefault = http.postJson(CHECK, """
                {"old":%s,"candidate":%s}""".formatted(old, candidate));

        assertThat(reply.json().path("compatible").asBoolean()).as(reply.toString()).isFalse();
        // Read as 2020-12 (the default), a boolean exclusiveMaximum is not a schema at all.
        assertProblem(asDefault, 422, "schema-rejected");
        assertThat(asDefault.json().path("reason").asString()).isEqualTo("INVALID_SCHEMA");
        assertThat(asDefault.json().path("pointer").asString()).startsWith("/candidate");
    }

    @Test
    void registryReferencesResolveFromTheStoreAndUnknownOnesAreRejected() {
        entity("address", "BACKWARD", "STRICT");
        register("address", """
                {"type":"object","properties":{"city":{"type":"string","maxLength":40}}}""");
        String referring = """
                {"type":"object","properties":{"home":{"$ref":"urn:canonical:address:1.0"}}}""";
        String local = """
                {"type":"object","properties":{"home":{"type":"object","properties":{"city":{"type":"string","maxLength":20}}}}}""";

        var resolved = ok(http.postJson(CHECK, """
                {"old":%s,"candidate":%s}""".formatted(referring, local)));
        var unknown = http.postJson(CHECK, """
                {"old":%s,"candidate":{"$ref":"urn:canonical:address:9.0"}}""".formatted(referring));

        assertThat(resolved.json().path("compatible").asBoolean()).isFalse();
        only(resolved.json().path("changes"), "MAX_LENGTH_DECREASED");
        assertProblem(unknown, 422, "schema-rejected");
        assertThat(unknown.json().path("reason").asString()).isEqualTo("UNKNOWN_REFERENCE");
        assertThat(unknown.json().path("pointer").asString()).startsWith("/candidate");
    }

    @Test
    void remoteReferenceIsRejectedWithoutAnyConnectionAttempt() throws IOException {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String remote = "http://127.0.0.1:" + trap.getLocalPort() + "/schema.json";

            var reply = http.postJson(CHECK, """
                    {"old":{"type":"object"},"candidate":{"type":"object","properties":{"a":{"$ref":"%s"}}}}"""
                    .formatted(remote));

            assertProblem(reply, 422, "schema-rejected");
            assertThat(reply.json().path("reason").asString()).isEqualTo("REMOTE_REFERENCE");
            assertThat(reply.json().path("pointer").asString()).isEqualTo("/candidate/properties/a/$ref");
            trap.setSoTimeout(200);
            boolean connected;
            try (var ignored = trap.accept()) {
                connected = true;
            } catch (SocketTimeoutException expected) {
                connected = false;
            }
            assertThat(connected).as("the registry connected to " + remote).isFalse();
        }
    }

    @Test
    void tenThousandLevelsOfNestingAreAProblemWithinOneSecond() {
        String deep = "{\"not\":".repeat(10_000) + "{}" + "}".repeat(10_000);
        ok(http.postJson(CHECK, "{\"old\":{},\"candidate\":{}}")); // warm up: the bound, not start-up, is measured

        var reply = http.postJson(CHECK, "{\"old\":{},\"candidate\":" + deep + "}");

        // The HTTP layer's nesting bound (413) or the schema depth bound (422) answers, whichever is lower.
        assertThat(reply.problemType()).as(reply.toString()).isIn("payload-too-large", "schema-rejected");
        assertThat(reply.json().path("limit").asInt()).as(reply.toString()).isPositive();
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.took()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void nestingJustBeyondTheSchemaDepthLimitIsRejectedNamingTheLimit() {
        String deep = "{\"not\":".repeat(70) + "{}" + "}".repeat(70);

        var reply = http.postJson(CHECK, "{\"old\":{},\"candidate\":" + deep + "}");

        assertProblem(reply, 422, "schema-rejected");
        assertThat(reply.json().path("reason").asString()).isEqualTo("TOO_DEEP");
        assertThat(reply.json().path("limit").asInt()).isEqualTo(64);
    }

    @Test
    void malformedJsonIsAMalformedRequestProblem() {
        var reply = http.postJson(CHECK, "{\"old\":{},\"candidate\":{\"type\":}");

        assertProblem(reply, 400, "malformed-request");
    }

    @Test
    void requestShapeErrorsNameThePointer() {
        var both = http.postJson(CHECK, "{\"old\":{},\"previous\":[{}],\"candidate\":{}}");
        var neither = http.postJson(CHECK, "{\"candidate\":{}}");
        var notASchema = http.postJson(CHECK, "{\"old\":{},\"candidate\":42}");

        assertProblem(both, 400, "validation-failed");
        assertProblem(neither, 400, "validation-failed");
        assertProblem(notASchema, 400, "validation-failed");
        assertThat(notASchema.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/candidate");
    }

    // ---------------------------------------------------------------- against an entity

    @Test
    void entityCheckUsesTheEntitysOwnModeAndPolicyAndStoresNothing() {
        entity("strict-check", "BACKWARD", "STRICT");
        entity("lenient-check", "BACKWARD", "LENIENT");
        register("strict-check", ID);
        register("lenient-check", ID);
        List<Long> before = counts();

        var strict = ok(http.postJson("/api/v1/entities/strict-check/compatibility", "{\"schema\":" + ID_EMAIL + "}"));
        var lenient = ok(http.postJson("/api/v1/entities/lenient-check/compatibility", "{\"schema\":" + ID_EMAIL + "}"));

        assertThat(strict.json().path("compatible").asBoolean()).isFalse();
        assertThat(strict.json().path("policy").asString()).isEqualTo("STRICT");
        assertThat(strict.json().path("checkedAgainst").toString()).isEqualTo("[\"1.0\"]");
        JsonNode witness = only(strict.json().path("witnesses"), "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
        assertThat(witness.path("acceptedBy").asString()).isEqualTo("1.0");
        assertThat(lenient.json().path("compatible").asBoolean()).isTrue();
        assertThat(lenient.json().path("policy").asString()).isEqualTo("LENIENT");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void entityCheckWithNewMajorComparesWithNothing() {
        entity("next-line", "FULL_TRANSITIVE", "STRICT");
        register("next-line", STATUS_ABC);

        var sameLine = ok(http.postJson("/api/v1/entities/next-line/compatibility", "{\"schema\":" + STATUS_AB + "}"));
        var newLine = ok(http.postJson("/api/v1/entities/next-line/compatibility",
                "{\"schema\":" + STATUS_AB + ",\"newMajor\":true}"));

        assertThat(sameLine.json().path("compatible").asBoolean()).isFalse();
        assertThat(sameLine.json().path("mode").asString()).isEqualTo("FULL_TRANSITIVE");
        assertThat(newLine.json().path("compatible").asBoolean()).isTrue();
        assertThat(newLine.json().path("checkedAgainst").size()).isZero();
    }

    @Test
    void entityCheckOfAlreadyRegisteredContentSaysWhichVersionLikeRegistrationWould() {
        entity("repeat", "BACKWARD", "STRICT");
        register("repeat", STATUS_ABC);
        register("repeat", """
                {"type":"object","properties":{"status":{"type":"string","enum":["A","B","C","D"]}},"required":["status"]}""");

        // 1.0's content again would be a BACKWARD break against 1.1 (D removed), but a proposal of it is refused as
        // 1.0's content without judging anything, and the preview must say the same.
        var reply = ok(http.postJson("/api/v1/entities/repeat/compatibility", "{\"schema\":" + STATUS_ABC + "}"));
        var registered = publications.propose("repeat", "{\"summary\":\"again\",\"schema\":" + STATUS_ABC + "}");

        assertThat(reply.json().path("compatible").asBoolean()).isTrue();
        assertThat(reply.json().path("registeredAs").asString()).isEqualTo("1.0");
        assertThat(reply.json().path("checkedAgainst").size()).isZero();
        assertThat(registered.status()).isEqualTo(409);
        assertThat(registered.json().path("version").asString()).isEqualTo("1.0");
    }

    @Test
    void entityCheckProblems() {
        entity("profiled", "BACKWARD", "STRICT");

        var unknownEntity = http.postJson("/api/v1/entities/no-such-entity/compatibility", "{\"schema\":{}}");
        var remote = http.postJson("/api/v1/entities/profiled/compatibility",
                "{\"schema\":{\"$ref\":\"https://example.com/s.json\"}}");

        assertProblem(unknownEntity, 404, "entity-not-found");
        assertProblem(remote, 422, "schema-rejected");
        assertThat(remote.json().path("reason").asString()).isEqualTo("REMOTE_REFERENCE");
    }

    // ---------------------------------------------------------------- helpers

    private static HttpProbe.Reply ok(HttpProbe.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    private static void assertProblem(HttpProbe.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).as(reply.toString()).isEqualTo(type);
    }

    private void entity(String name, String mode, String policy) {
        var reply = http.postJson("/api/v1/entities", """
                {"name":"%s","domain":"test","compatibility":"%s","compatibilityPolicy":"%s"}"""
                .formatted(name, mode, policy));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private void register(String entity, String schema) {
        var reply = publications.publish(entity, schema);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private List<Long> counts() {
        return List.of("entity", "entity_owner", "schema_version", "schema_reference").stream()
                .map(t -> jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()).toList();
    }
}
