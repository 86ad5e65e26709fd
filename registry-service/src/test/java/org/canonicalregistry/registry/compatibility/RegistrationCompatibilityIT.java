package org.canonicalregistry.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestPublications;
import org.canonicalregistry.registry.web.HttpProbe;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registration runs the entity's mode and policy inside the latest major line, over HTTP on real PostgreSQL. */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationCompatibilityIT {

    static final String STATUS_ABC = """
            {"type":"object","properties":{"status":{"type":"string","enum":["A","B","C"]}},"required":["status"]}""";
    static final String STATUS_AB = """
            {"type":"object","properties":{"status":{"type":"string","enum":["A","B"]}},"required":["status"]}""";
    static final String ID = """
            {"type":"object","properties":{"id":{"type":"string"}}}""";
    static final String ID_EMAIL = """
            {"type":"object","properties":{"id":{"type":"string"},"email":{"type":"string"}}}""";
    static final String ID_NICK_TEXT = """
            {"type":"object","properties":{"id":{"type":"string"},"nick":{"type":"string"}}}""";
    static final String ID_NICK_NUMBER = """
            {"type":"object","properties":{"id":{"type":"string"},"nick":{"type":"integer"}}}""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CompatibilityEngine engine;

    @Autowired
    JsonMapper json;

    HttpProbe http;
    TestPublications publications;

    @BeforeEach
    void connect() {
        http = HttpProbe.asAdmin(port);
        publications = new TestPublications(port);
    }

    @Test
    void compatibleChangeGetsTheNextMinor() {
        String e = entity("widened", "BACKWARD", "STRICT");
        register(e, STATUS_AB, false, 201);

        var reply = register(e, STATUS_ABC, false, 201);

        assertThat(reply.json().path("version").asString()).isEqualTo("1.1");
    }

    @Test
    void incompatibleChangeIsRefusedWithChangesAndWitnessesAndNothingIsStored() {
        String e = entity("narrowed", "BACKWARD", "STRICT");
        register(e, STATUS_ABC, false, 201);
        List<Long> before = counts();

        var reply = register(e, STATUS_AB, false, 409);

        assertThat(reply.problemType()).isEqualTo("incompatible-change");
        JsonNode problem = reply.json();
        assertThat(problem.path("version").asString()).isEqualTo("1.1");
        assertThat(problem.path("checkedAgainst").toString()).isEqualTo("[\"1.0\"]");
        JsonNode change = only(problem.path("changes"), "ENUM_VALUE_REMOVED");
        assertThat(change.path("oldPointer").asString()).startsWith("/properties/status");
        assertThat(change.path("newPointer").asString()).startsWith("/properties/status");
        assertThat(change.path("breaks").asString()).isEqualTo("BACKWARD");
        assertThat(change.path("breaking").asBoolean()).isTrue();
        assertThat(change.path("against").asString()).isEqualTo("1.0");
        assertThat(change.path("message").asString()).contains("status").contains("C");
        JsonNode witness = only(problem.path("witnesses"), "ENUM_VALUE_REMOVED");
        assertThat(witness.path("instance").path("status").asString()).isEqualTo("C");
        assertThat(witness.path("acceptedBy").asString()).isEqualTo("1.0");
        assertThat(witness.path("rejectedBy").asString()).isEqualTo("proposed");
        assertThat(witness.path("description").asString()).isNotBlank();
        assertThat(counts()).isEqualTo(before);
        assertThat(versions(e)).containsExactly("1.0");
    }

    @Test
    void theSameBreakingChangeWithNewMajorOpensTwoPointZero() {
        String e = entity("new-line", "BACKWARD", "STRICT");
        register(e, STATUS_ABC, false, 201);
        register(e, STATUS_AB, false, 409);

        var reply = register(e, STATUS_AB, true, 201);

        assertThat(reply.json().path("version").asString()).isEqualTo("2.0");
        // The new line is judged on its own: a further break against 2.0 is refused, a compatible change is 2.1.
        register(e, """
                {"type":"object","properties":{"status":{"type":"string","enum":["A"]}},"required":["status"]}""",
                false, 409);
        assertThat(register(e, """
                {"type":"object","properties":{"status":{"type":"string","enum":["A","B","D"]}},"required":["status"]}""",
                false, 201).json().path("version").asString()).isEqualTo("2.1");
    }

    @Test
    void transitiveModeCatchesABreakAgainstAnOlderVersionThatTheLatestOnlyModeMisses() {
        // Under LENIENT, dropping an optional field from an open model and adding one are both allowed, so each
        // step below is compatible with its predecessor; but 'nick' comes back as a number, which 1.0 data
        // (nick as text) breaks. Only a check against every earlier version sees that.
        String latestOnly = entity("latest-only", "BACKWARD", "LENIENT");
        String transitive = entity("transitive", "BACKWARD_TRANSITIVE", "LENIENT");
        for (String e : List.of(latestOnly, transitive)) {
            register(e, ID_NICK_TEXT, false, 201);
            register(e, ID, false, 201);
        }

        var accepted = register(latestOnly, ID_NICK_NUMBER, false, 201);
        var refused = register(transitive, ID_NICK_NUMBER, false, 409);

        assertThat(accepted.json().path("version").asString()).isEqualTo("1.2");
        assertThat(refused.problemType()).isEqualTo("incompatible-change");
        assertThat(refused.json().path("checkedAgainst").toString()).isEqualTo("[\"1.0\",\"1.1\"]");
        JsonNode breaking = onlyBreaking(refused.json().path("changes"));
        assertThat(breaking.path("against").asString()).isEqualTo("1.0");
        assertThat(breaking.path("oldPointer").asString()).startsWith("/properties/nick");
        JsonNode witness = refused.json().path("witnesses").get(0);
        assertThat(witness.path("acceptedBy").asString()).isEqualTo("1.0");
        assertThat(witness.path("rejectedBy").asString()).isEqualTo("proposed");
        assertThat(witness.path("instance").path("nick").isString()).as(witness.toString()).isTrue();
    }

    @Test
    void retiredVersionsNoLongerCountButDeprecatedOnesDo() {
        String retired = entity("retired-first", "BACKWARD_TRANSITIVE", "LENIENT");
        String deprecated = entity("deprecated-first", "BACKWARD_TRANSITIVE", "LENIENT");
        for (String e : List.of(retired, deprecated)) {
            register(e, ID_NICK_TEXT, false, 201);
            register(e, ID, false, 201);
        }
        setState(retired, "RETIRED");
        setState(deprecated, "DEPRECATED");

        assertThat(register(retired, ID_NICK_NUMBER, false, 201).json().path("version").asString()).isEqualTo("1.2");
        var refused = register(deprecated, ID_NICK_NUMBER, false, 409);
        assertThat(refused.json().path("checkedAgainst").toString()).isEqualTo("[\"1.0\",\"1.1\"]");
    }

    @Test
    void modeNoneAcceptsAnyChangeInsideTheLine() {
        String e = entity("anything-goes", "NONE", "STRICT");
        register(e, STATUS_ABC, false, 201);

        var reply = register(e, """
                {"type":"array","items":{"type":"integer"}}""", false, 201);

        assertThat(reply.json().path("version").asString()).isEqualTo("1.1");
    }

    @Test
    void addingAnOptionalPropertyToAnOpenModelBreaksUnderStrictButNotUnderLenient() {
        String strict = entity("strict-reader", "BACKWARD", "STRICT");
        String lenient = entity("tolerant-reader", "BACKWARD", "LENIENT");
        register(strict, ID, false, 201);
        register(lenient, ID, false, 201);

        var refused = register(strict, ID_EMAIL, false, 409);
        var accepted = register(lenient, ID_EMAIL, false, 201);

        JsonNode change = only(refused.json().path("changes"), "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
        assertThat(change.path("newPointer").asString()).isEqualTo("/properties/email");
        // Old data may already carry an 'email' that is not a string: that is the strict reading's witness.
        JsonNode witness = only(refused.json().path("witnesses"), "PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
        assertThat(witness.path("instance").has("email")).isTrue();
        assertThat(witness.path("instance").path("email").isString()).isFalse();
        assertThat(accepted.json().path("version").asString()).isEqualTo("1.1");
    }

    @Test
    void concurrentRegistrationsAreJudgedAgainstEachOtherNotAgainstAStaleLatest() throws Exception {
        // Both candidates widen 1.0 (maxLength 10), so each alone is compatible with it. 'unbounded' then 'bounded'
        // is a break (bounded re-adds a limit); the opposite order is fine. Whatever the interleaving, the stored
        // line must be compatible step by step, which it would not be if both were judged against 1.0.
        String unbounded = """
                {"type":"object","properties":{"code":{"type":"string"}}}""";
        String bounded = """
                {"type":"object","properties":{"code":{"type":"string","maxLength":20}}}""";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String e = entity("race-" + round, "BACKWARD", "STRICT");
                register(e, """
                        {"type":"object","properties":{"code":{"type":"string","maxLength":10}}}""", false, 201);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Integer>> racers = new ArrayList<>();
                for (String candidate : List.of(unbounded, bounded)) {
                    racers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        // Each racer proposes and has it approved at once: the loser finds its proposal STALE (409).
                        var opened = publications.propose(e, "{\"summary\":\"race\",\"schema\":" + candidate + "}");
                        if (opened.status() != 201) {
                            return opened.status();
                        }
                        return HttpProbe.asAdmin(port).postJson("/api/v1/proposals/" + opened.json().path("id").asLong()
                                + "/approve", "{}").status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> racer : racers) {
                    statuses.add(racer.get(60, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round %d", round).containsAnyOf(200).allMatch(s -> s == 200 || s == 409);
                List<JsonNode> line = jdbc.sql("SELECT canonical_json FROM schema_version WHERE entity_name = ? ORDER BY minor")
                        .param(e).query(String.class).list().stream().map(json::readTree).toList();
                assertThat(line).hasSize(1 + (int) statuses.stream().filter(s -> s == 200).count());
                for (int i = 1; i < line.size(); i++) {
                    assertThat(engine.check(CompatibilityMode.BACKWARD, CompatibilityPolicy.STRICT, line.get(i),
                            List.of(line.get(i - 1))).compatible()).as("round %d, 1.%d after 1.%d", round, i, i - 1).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- helpers

    private String entity(String name, String mode, String policy) {
        var reply = http.postJson("/api/v1/entities", """
                {"name":"%s","domain":"test","owners":["owner"],"compatibility":"%s","compatibilityPolicy":"%s"}"""
                .formatted(name, mode, policy));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return name;
    }

    /**
     * Publishing goes through a proposal approved by the admin. A refusal is provoked the way a proposer meets it: a
     * proposal pinned to the current major line ({@code targetMajor}), which must stay compatible there.
     */
    private HttpProbe.Reply register(String entity, String schema, boolean newMajor, int expectedStatus) {
        HttpProbe.Reply reply;
        if (expectedStatus == 201) {
            reply = publications.publish(entity, schema, newMajor);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            return reply;
        }
        var latest = http.get("/api/v1/entities/" + entity + "/versions/latest");
        int major = latest.status() == 200 ? latest.json().path("major").asInt() : 1;
        reply = publications.propose(entity, "{\"summary\":\"pinned\",\"targetMajor\":" + (newMajor ? major + 1 : major)
                + ",\"schema\":" + schema + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(expectedStatus);
        if (expectedStatus >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        return reply;
    }

    private List<String> versions(String entity) {
        return jdbc.sql("SELECT major || '.' || minor FROM schema_version WHERE entity_name = ? ORDER BY major, minor")
                .param(entity).query(String.class).list();
    }

    private void setState(String entity, String state) {
        jdbc.sql("UPDATE schema_version SET state = ? WHERE entity_name = ? AND major = 1 AND minor = 0")
                .param(state).param(entity).update();
    }

    private List<Long> counts() {
        return List.of("entity", "entity_owner", "schema_version", "schema_reference").stream()
                .map(t -> jdbc.sql("SELECT COUNT(*) FROM " + t).query(Long.class).single()).toList();
    }

    static JsonNode only(JsonNode array, String type) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode item : array) {
            if (type.equals((item.has("type") ? item.path("type") : item.path("changeType")).asString())) {
                matching.add(item);
            }
        }
        assertThat(matching).as(array.toString()).hasSize(1);
        return matching.get(0);
    }

    static JsonNode onlyBreaking(JsonNode changes) {
        List<JsonNode> breaking = new ArrayList<>();
        changes.forEach(c -> {
            if (c.path("breaking").asBoolean()) {
                breaking.add(c);
            }
        });
        assertThat(breaking).as(changes.toString()).hasSize(1);
        return breaking.get(0);
    }
}
