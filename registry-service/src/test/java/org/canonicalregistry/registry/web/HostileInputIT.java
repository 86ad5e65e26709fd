package org.canonicalregistry.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestPublications;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile requests against the whole service on real PostgreSQL: each one gets a precise problem document (or,
 * for the regex cases, a correct answer) within one second, and the store is exactly as it was before.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final Duration BUDGET = Duration.ofSeconds(1);
    private static final String TARGET = "target-entity";
    private static final String REGEX = "regex-entity";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpProbe http;
    /** A listener a remote $ref would have to reach; every connection it accepts is counted. */
    ServerSocket trap;
    final AtomicInteger trapConnections = new AtomicInteger();

    @BeforeAll
    void seedAndWarmUp() throws IOException {
        http = HttpProbe.asAdmin(port);
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!trap.isClosed()) {
                try {
                    Socket accepted = trap.accept();
                    trapConnections.incrementAndGet();
                    accepted.close();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "ref-trap");
        acceptor.setDaemon(true);
        acceptor.start();

        created(http.postJson("/api/v1/entities", "{\"name\":\"" + TARGET + "\",\"domain\":\"test\"}"));
        TestPublications publications = new TestPublications(port);
        published(publications.publish(TARGET, "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}"));
        created(http.postJson("/api/v1/entities", "{\"name\":\"" + REGEX + "\",\"domain\":\"test\"}"));
        // Linear-time regex engine: these classic catastrophic-backtracking patterns are fine to store.
        published(publications.publish(REGEX, "{\"type\":\"string\",\"pattern\":\"^(a+)+$\"}"));
        published(publications.publish(REGEX, "{\"type\":\"string\",\"pattern\":\"^(a{1,20}){1,20}$\"}", true));
        // Warm the paths up, so the one-second budget measures the service, not the JIT.
        for (int i = 0; i < 3; i++) {
            register("{\"$ref\":\"#\"}");
            http.get("/api/v1/entities/" + TARGET);
        }
    }

    @AfterAll
    void closeTrap() throws IOException {
        trap.close();
    }

    /** A hostile request and the problem it must get. */
    record Hostile(String name, Function<HostileInputIT, HttpProbe.Reply> send, int status, String type,
                   String detailMentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> hostileRequests() {
        return Stream.of(
                new Hostile("remote $ref to a listening loopback port",
                        t -> t.register("{\"$ref\":\"http://127.0.0.1:" + t.trap.getLocalPort() + "/schema.json\"}"),
                        422, "schema-rejected", "http://127.0.0.1:"),
                new Hostile("classpath: $ref", t -> t.register("{\"$ref\":\"classpath:application.yaml\"}"),
                        422, "schema-rejected", "classpath:application.yaml"),
                new Hostile("file: $ref", t -> t.register("{\"$ref\":\"file:///etc/passwd\"}"),
                        422, "schema-rejected", "file:///etc/passwd"),
                new Hostile("10 MB schema", t -> t.http.postWithoutWaiting("/api/v1/entities/" + TARGET + "/proposals",
                                "application/json", ("{\"schema\":{\"type\":\"string\",\"description\":\""
                                        + "x".repeat(10 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.US_ASCII)),
                        413, "payload-too-large", "exceeds the limit"),
                new Hostile("nesting 10,000 levels deep", t -> t.register(
                                "{\"type\":\"array\",\"default\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"),
                        413, "payload-too-large", "nests deeper than"),
                new Hostile("$ref self-cycle", t -> t.register("{\"$ref\":\"#\"}"),
                        422, "schema-rejected", "cycle"),
                new Hostile("invalid UTF-8 bytes", t -> t.http.post("/api/v1/entities/" + TARGET + "/proposals",
                                "application/json", concat("{\"schema\":{\"title\":\"", new byte[] {(byte) 0xFF, (byte) 0xFE},
                                        "\"}}")),
                        400, "malformed-request", "not valid UTF-8"),
                new Hostile("wrong Content-Type", t -> t.http.post("/api/v1/entities/" + TARGET + "/proposals",
                                "application/x-www-form-urlencoded", "schema=%7B%7D".getBytes(StandardCharsets.US_ASCII)),
                        415, "unsupported-media-type", "application/x-www-form-urlencoded"),
                new Hostile("SQL injection in an entity path", t -> t.http.get("/api/v1/entities/"
                                + encode("customer'; drop table entity;--")),
                        400, "malformed-request", "drop table"),
                new Hostile("SQL injection in the domain filter", t -> t.http.get("/api/v1/entities?domain="
                                + encode("x' OR '1'='1")),
                        400, "malformed-request", "domain"),
                new Hostile("SQL injection in a new entity's name", t -> t.http.postJson("/api/v1/entities",
                                "{\"name\":\"customer'; drop table schema_version;--\",\"domain\":\"test\"}"),
                        400, "validation-failed", "name"),
                new Hostile("keyword outside the canonical profile", t -> t.register(
                                "{\"type\":\"object\",\"patternProperties\":{\"^x-\":{\"type\":\"string\"}}}"),
                        422, "schema-rejected", "patternProperties"),
                new Hostile("pattern nesting 20,000 groups deep", t -> t.register(
                                "{\"type\":\"string\",\"pattern\":\"" + "(".repeat(20_000) + "a" + ")".repeat(20_000)
                                        + "\"}"),
                        422, "schema-rejected", "nests groups 20000 deep"),
                new Hostile("reference to a missing entity version", t -> t.register(
                                "{\"$ref\":\"urn:canonical:" + TARGET + ":9.9\"}"),
                        422, "schema-rejected", "urn:canonical:" + TARGET + ":9.9"))
                .map(hostile -> Arguments.of(hostile));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestGetsAPreciseProblemQuicklyAndChangesNothing(Hostile hostile) {
        Store before = Store.of(jdbc);

        HttpProbe.Reply reply = hostile.send().apply(this);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(hostile.status());
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        assertThat(reply.problemType()).as(reply.toString()).isEqualTo(hostile.type());
        assertThat(reply.json().path("detail").asString()).as(reply.toString()).contains(hostile.detailMentions());
        assertThat(reply.took()).as("answer time").isLessThan(BUDGET);
        assertThat(Store.of(jdbc)).isEqualTo(before);
        assertThat(trapConnections).as("connections to the remote $ref target").hasValue(0);
    }

    @ParameterizedTest(name = "{0} against a long near-miss string")
    @MethodSource("catastrophicPatterns")
    void catastrophicPatternIsValidatedInLinearTime(String version) {
        Store before = Store.of(jdbc);
        String nearMiss = "\"" + "a".repeat(50_000) + "!\"";

        HttpProbe.Reply reply = http.postJson("/api/v1/entities/" + REGEX + "/versions/" + version + "/validate", nearMiss);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("valid").asBoolean()).isFalse();
        assertThat(reply.json().path("violations").get(0).path("keyword").asString()).isEqualTo("pattern");
        assertThat(reply.took()).as("answer time").isLessThan(BUDGET);
        assertThat(Store.of(jdbc)).isEqualTo(before);
    }

    Stream<Arguments> catastrophicPatterns() {
        return Stream.of(Arguments.of("1.0"), Arguments.of("2.0"));
    }

    @Test
    void injectionLookingOwnerFilterIsJustAnUnknownOwner() {
        Store before = Store.of(jdbc);

        HttpProbe.Reply reply = http.get("/api/v1/entities?owner=" + encode("x' OR '1'='1"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().size()).isZero();
        assertThat(Store.of(jdbc)).isEqualTo(before);
    }

    private HttpProbe.Reply register(String schema) {
        return http.postJson("/api/v1/entities/" + TARGET + "/proposals",
                "{\"summary\":\"hostile\",\"schema\":" + schema + "}");
    }

    private static void created(HttpProbe.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    private static void published(HttpProbe.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    /** What "the store is unchanged" means: row counts of every table and the target's newest fingerprint. */
    record Store(long entities, long owners, long versions, long references, long proposals,
                 String targetLatestFingerprint) {
        static Store of(JdbcClient jdbc) {
            return new Store(count(jdbc, "entity"), count(jdbc, "entity_owner"), count(jdbc, "schema_version"),
                    count(jdbc, "schema_reference"), count(jdbc, "change_proposal"),
                    jdbc.sql("SELECT fingerprint FROM schema_version WHERE entity_name = ? ORDER BY major DESC, minor DESC")
                            .param(TARGET).query(String.class).optional().orElse(null));
        }

        private static long count(JdbcClient jdbc, String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }
    }
}
