package org.canonicalregistry.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Every way a request can fail over HTTP ends as an RFC 9457 problem with a stable type, never internals. */
@H2RegistryTest
class ProblemResponsesTest {

    private static final int DEFAULT_LIMIT = 512 * 1024;

    @LocalServerPort
    int port;

    HttpProbe http;

    @BeforeEach
    void connect() {
        http = HttpProbe.asAdmin(port);
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        var reply = http.get("/api/v1/no-such-thing");

        assertProblem(reply, 404, "not-found");
        assertThat(reply.json().path("instance").asString()).isEqualTo("/api/v1/no-such-thing");
        assertThat(reply.json().path("detail").asString()).contains("/api/v1/no-such-thing");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/entities/%zz", "/api/v1/entities/a%2Fb"})
    void urlTheWebServerRefusesIsStillAProblem(String target) {
        var reply = http.rawGet(target);

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.text()).doesNotContain("<html").doesNotContain(target);
    }

    @Test
    void unsupportedMethodIsMethodNotAllowedWithAllowHeader() {
        var reply = http.method("DELETE", "/api/v1/entities");

        assertProblem(reply, 405, "method-not-allowed");
        assertThat(reply.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void unacceptableAcceptHeaderIsNotAcceptableProblem() {
        var reply = http.get("/api/v1/entities", "Accept", "application/xml");

        assertProblem(reply, 406, "not-acceptable");
    }

    @Test
    void malformedJsonNamesLineAndColumnWithoutParserInternals() {
        var reply = http.postJson("/api/v1/entities", "{\n  \"name\": \"order\",\n  \"domain\": }");

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.json().path("line").asInt()).isEqualTo(3);
        assertThat(reply.json().path("column").asInt()).isPositive();
        assertThat(reply.json().path("detail").asString()).contains("not well-formed JSON").contains("line 3");
        assertNoInternals(reply);
    }

    @Test
    void repeatedMemberNameIsMalformed() {
        var reply = http.postJson("/api/v1/entities", "{\"name\":\"a\",\"name\":\"b\",\"domain\":\"sales\"}");

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.json().path("detail").asString()).contains("Duplicate").contains("name");
        assertNoInternals(reply);
    }

    @Test
    void wrongJsonTypeNamesThePointer() {
        var reply = http.postJson("/api/v1/entities", "{\"name\":{\"first\":1},\"domain\":\"sales\"}");

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/name");
        assertThat(reply.json().path("detail").asString()).contains("expected a string");
        assertNoInternals(reply);
    }

    @Test
    void invalidUtf8IsNamedPrecisely() {
        byte[] body = concat("{\"name\":\"caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xC3, 0x28},
                "\",\"domain\":\"sales\"}".getBytes(StandardCharsets.US_ASCII));

        var reply = http.post("/api/v1/entities", "application/json", body);

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.json().path("detail").asString()).contains("not valid UTF-8").contains("line 1");
        assertNoInternals(reply);
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaType() {
        var reply = http.post("/api/v1/entities", "text/plain", "name=order".getBytes(StandardCharsets.UTF_8));

        assertProblem(reply, 415, "unsupported-media-type");
        assertThat(reply.header("Accept")).contains("application/json");
    }

    @Test
    void declaredOversizedBodyIsRefusedBeforeReading() {
        byte[] body = new byte[DEFAULT_LIMIT + 1];
        Arrays.fill(body, (byte) ' ');

        var reply = http.post("/api/v1/entities", "application/json", body);

        assertProblem(reply, 413, "payload-too-large");
        assertThat(reply.json().path("limit").asLong()).isEqualTo(DEFAULT_LIMIT);
        assertThat(reply.json().path("detail").asString()).contains(Integer.toString(DEFAULT_LIMIT + 1));
    }

    @Test
    void streamedOversizedBodyIsCutOffAtTheLimit() {
        // A well-formed start, so the parser keeps reading until the counting stream stops it.
        byte[] head = "{\"name\":\"streamed\",\"domain\":\"sales\",\"description\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, DEFAULT_LIMIT * 2);
        Arrays.fill(body, head.length, body.length, (byte) 'a');

        var reply = http.postChunked("/api/v1/entities", "application/json", () -> new ByteArrayInputStream(body));

        assertProblem(reply, 413, "payload-too-large");
        assertThat(reply.json().path("limit").asLong()).isEqualTo(DEFAULT_LIMIT);
    }

    @Test
    void malformedPathParameterIsRejectedBeforeAnyLookup() {
        var reply = http.get("/api/v1/entities/Customer_1");

        assertProblem(reply, 400, "malformed-request");
        assertThat(reply.json().path("detail").asString()).contains("Customer_1");
    }

    @Test
    void unknownEntityIsEntityNotFound() {
        var reply = http.get("/api/v1/entities/nobody-here");

        assertProblem(reply, 404, "entity-not-found");
        assertThat(reply.json().path("detail").asString()).contains("nobody-here");
    }

    @Test
    void contractViolationInBodyListsEveryPointer() {
        var reply = http.postJson("/api/v1/entities", "{\"name\":\"Not Kebab\",\"domain\":\"Sales Dept\"}");

        assertProblem(reply, 400, "validation-failed");
        assertThat(reply.json().path("errors").valueStream().map(e -> e.path("pointer").asString()))
                .contains("/name", "/domain");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {FailingController.BUG, FailingController.DOMAIN_INTERNAL_ERROR})
    void unexpectedFailureIsInternalErrorWithoutStackTraceOrClassName(String path) {
        var reply = http.get(path);

        assertProblem(reply, 500, "internal-error");
        assertThat(reply.json().path("detail").asString()).contains("logged under id");
        assertThat(reply.text()).doesNotContain(FailingController.SECRET).doesNotContain("IllegalStateException").doesNotContain("corrupt")
                .doesNotContain("at org.");
    }

    private static void assertProblem(HttpProbe.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(reply.problemType()).as(reply.toString()).isEqualTo(type);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
    }

    private static void assertNoInternals(HttpProbe.Reply reply) {
        assertThat(reply.text()).doesNotContain("tools.jackson").doesNotContain("Exception")
                .doesNotContain("org.canonicalregistry").doesNotContain("java.");
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
