package org.canonicalregistry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.canonicalregistry.client.api.EntitiesApi;
import org.canonicalregistry.client.api.ProposalsApi;
import org.canonicalregistry.client.api.SchemasApi;
import org.canonicalregistry.client.api.ValidationApi;
import org.canonicalregistry.client.model.BreakDirection;
import org.canonicalregistry.client.model.ProblemDetails;
import org.canonicalregistry.client.model.ProposalRequest;
import org.canonicalregistry.client.model.SchemaState;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.client.model.ValidationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the generated java.net.http client against a tiny in-test HTTP server on the loopback interface:
 * canned registry answers prove the client's Jackson 3 models read what the contract describes, and that
 * problem documents come back as status + parsable body.
 */
class GeneratedClientTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String SCHEMA_VERSION = """
      {
        "entity": "customer",
        "version": "2.3",
        "major": 2,
        "minor": 3,
        "globalId": 42,
        "fingerprint": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "state": "PUBLISHED",
        "sunsetDate": null,
        "references": [ { "entity": "address", "version": "1.0" } ],
        "schema": {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "description": "Kunde – Größe, 顧客",
          "required": ["email"],
          "properties": {
            "email": { "type": "string" },
            "address": { "$ref": "urn:canonical:address:1.0" }
          }
        },
        "createdAt": "2026-11-22T04:00:00Z",
        "createdBy": "alice",
        "reason": "add address",
        "someFutureMember": true
      }
      """;

  private static final String ENTITY_NOT_FOUND = """
      {
        "type": "https://canonical-registry.org/problems/entity-not-found",
        "title": "Entity not found",
        "status": 404,
        "detail": "No entity named 'custmer'.",
        "instance": "/api/v1/entities/custmer/versions/latest"
      }
      """;

  private static final String INCOMPATIBLE_CHANGE = """
      {
        "type": "https://canonical-registry.org/problems/incompatible-change",
        "title": "Incompatible change",
        "status": 409,
        "detail": "customer 2.4 would break BACKWARD_TRANSITIVE against 2.0 to 2.3.",
        "changes": [ {
          "type": "REQUIRED_ADDED",
          "oldPointer": "/required",
          "newPointer": "/required/1",
          "breaks": "BACKWARD",
          "breaking": true,
          "message": "Property 'phone' became required."
        } ],
        "witnesses": [ {
          "changeType": "REQUIRED_ADDED",
          "pointer": "/required/1",
          "instance": { "email": "a@example.org" },
          "acceptedBy": "2.3",
          "rejectedBy": "candidate",
          "description": "Old data without 'phone' is rejected."
        }, {
          "changeType": "TYPE_NARROWED",
          "instance": null,
          "acceptedBy": "2.3",
          "rejectedBy": "candidate"
        } ],
        "checkedAgainst": ["2.0", "2.1", "2.2", "2.3"]
      }
      """;

  /** A request as the server saw it. */
  record Received(String method, URI uri, String accept, String contentType, String ifNoneMatch, String body) {}

  /** A canned answer. */
  record Answer(int status, String contentType, String body, Map<String, String> headers) {}

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ApiClient client;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    client = new ApiClient();
    client.updateBaseUri("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] requestBody = exchange.getRequestBody().readAllBytes();
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI(),
          exchange.getRequestHeaders().getFirst("Accept"),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          exchange.getRequestHeaders().getFirst("If-None-Match"),
          new String(requestBody, StandardCharsets.UTF_8)));
      Answer answer = answers.get(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath());
      if (answer == null) {
        answer = new Answer(500, "text/plain", "no canned answer", Map.of());
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      if (answer.body().isEmpty()) {
        exchange.sendResponseHeaders(answer.status(), -1);
        return;
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private void given(String methodAndPath, int status, String contentType, String body) {
    answers.put(methodAndPath, new Answer(status, contentType, body, Map.of()));
  }

  @Test
  void readsASchemaVersionWithItsSchemaAsAJsonTree() throws Exception {
    given("GET /api/v1/entities/customer/versions/2.3", 200, "application/json", SCHEMA_VERSION);

    SchemaVersion version = new SchemasApi(client).getSchemaVersion("customer", "2.3");

    assertThat(version.getEntity()).isEqualTo("customer");
    assertThat(version.getVersion()).isEqualTo("2.3");
    assertThat(version.getMajor()).isEqualTo(2);
    assertThat(version.getMinor()).isEqualTo(3);
    assertThat(version.getGlobalId()).isEqualTo(42L);
    assertThat(version.getFingerprint()).hasSize(64);
    assertThat(version.getState()).isEqualTo(SchemaState.PUBLISHED);
    assertThat(version.getSunsetDate()).isNull();
    assertThat(version.getReferences()).singleElement()
        .satisfies(ref -> assertThat(ref.getEntity() + "@" + ref.getVersion()).isEqualTo("address@1.0"));
    assertThat(version.getCreatedAt()).isEqualTo(OffsetDateTime.of(2026, 11, 22, 4, 0, 0, 0, ZoneOffset.UTC));
    assertThat(version.getCreatedBy()).isEqualTo("alice");
    JsonNode schema = version.getSchema();
    assertThat(schema.isObject()).isTrue();
    assertThat(schema.at("/properties/address/$ref").asString()).isEqualTo("urn:canonical:address:1.0");
    // The generated client decodes bodies with the platform charset; this fails on a JVM whose default is not UTF-8.
    assertThat(schema.get("description").asString()).isEqualTo("Kunde – Größe, 顧客");
    assertThat(schema).isEqualTo(JSON.readTree(SCHEMA_VERSION).get("schema"));

    assertThat(received).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.uri().getPath()).isEqualTo("/api/v1/entities/customer/versions/2.3");
      assertThat(request.accept()).contains("application/json");
    });
  }

  @Test
  void surfacesANotFoundProblemWithStatusAndBody() {
    given("GET /api/v1/entities/custmer/versions/latest", 404, "application/problem+json", ENTITY_NOT_FOUND);

    ApiException failure = catchThrowableOfType(ApiException.class,
        () -> new SchemasApi(client).getSchemaVersion("custmer", "latest"));

    assertThat(failure.getCode()).isEqualTo(404);
    ProblemDetails problem = Problems.from(failure).orElseThrow();
    assertThat(problem.getType()).isEqualTo(URI.create("https://canonical-registry.org/problems/entity-not-found"));
    assertThat(problem.getStatus()).isEqualTo(404);
    assertThat(problem.getTitle()).isEqualTo("Entity not found");
    assertThat(problem.getDetail()).isEqualTo("No entity named 'custmer'.");
    assertThat(problem.getInstance()).isEqualTo("/api/v1/entities/custmer/versions/latest");
  }

  @Test
  void sendsAProposalsSchemaAsJsonAndReadsTheIncompatibleChangeProblem() throws Exception {
    given("POST /api/v1/entities/customer/proposals", 409, "application/problem+json; charset=utf-8",
        INCOMPATIBLE_CHANGE);
    JsonNode candidate = JSON.readTree("""
        {"type": "object", "required": ["email", "phone"], "properties": {"phone": {"type": "string"}}}
        """);

    ApiException failure = catchThrowableOfType(ApiException.class, () -> new ProposalsApi(client)
        .openProposal("customer", new ProposalRequest().schema(candidate).summary("add phone").reason("phone")
            .targetMajor(2)));

    assertThat(received).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.contentType()).startsWith("application/json");
      JsonNode sent = JSON.readTree(request.body());
      assertThat(sent.get("schema")).as("the schema travels as a JSON object, not a string").isEqualTo(candidate);
      assertThat(sent.get("reason").asString()).isEqualTo("phone");
      assertThat(sent.get("targetMajor").asInt()).isEqualTo(2);
    });
    assertThat(failure.getCode()).isEqualTo(409);
    ProblemDetails problem = Problems.from(failure).orElseThrow();
    assertThat(problem.getType().toString()).endsWith("/incompatible-change");
    assertThat(problem.getChanges()).singleElement().satisfies(change -> {
      assertThat(change.getType()).isEqualTo("REQUIRED_ADDED");
      assertThat(change.getBreaks()).isEqualTo(BreakDirection.BACKWARD);
      assertThat(change.getBreaking()).isTrue();
      assertThat(change.getNewPointer()).isEqualTo("/required/1");
    });
    assertThat(problem.getWitnesses()).hasSize(2);
    assertThat(problem.getWitnesses().get(0)).satisfies(witness -> {
      assertThat(witness.getInstance()).isEqualTo(JSON.readTree("{\"email\": \"a@example.org\"}"));
      assertThat(witness.getAcceptedBy()).isEqualTo("2.3");
      assertThat(witness.getRejectedBy()).isEqualTo("candidate");
      assertThat(witness.getPointer()).isEqualTo("/required/1");
    });
    // A JSON null witness is a NullNode, not a missing instance.
    JsonNode nullInstance = problem.getWitnesses().get(1).getInstance();
    assertThat(nullInstance).isNotNull();
    assertThat(nullInstance.isNull()).as("instance is JSON null").isTrue();
    assertThat(problem.getCheckedAgainst()).containsExactly("2.0", "2.1", "2.2", "2.3");
  }

  @Test
  void readsTheRawSchemaWithItsEtagAndSendsIfNoneMatch() throws Exception {
    String raw = "{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\"}}}";
    answers.put("GET /api/v1/schemas/42/schema", new Answer(200, "application/schema+json", raw,
        Map.of("ETag", "\"abc\"", "Cache-Control", "public, max-age=31536000, immutable")));

    ApiResponse<JsonNode> response = new SchemasApi(client).getRawSchemaByIdWithHttpInfo(42L, "\"old\"");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getData()).isEqualTo(JSON.readTree(raw));
    assertThat(response.getHeaders().get("etag")).containsExactly("\"abc\"");
    assertThat(received).singleElement().satisfies(request -> {
      assertThat(request.ifNoneMatch()).isEqualTo("\"old\"");
      assertThat(request.accept()).contains("application/schema+json");
    });
  }

  @Test
  void notModifiedSurfacesAsStatusWithoutAProblem() {
    answers.put("GET /api/v1/schemas/42/schema", new Answer(304, "", "", Map.of("ETag", "\"abc\"")));

    ApiException failure = catchThrowableOfType(ApiException.class,
        () -> new SchemasApi(client).getRawSchemaById(42L, "\"abc\""));

    assertThat(failure.getCode()).isEqualTo(304);
    assertThat(Problems.from(failure)).isEmpty();
  }

  @Test
  void validatesAnyJsonPayloadIncludingAnArray() throws Exception {
    given("POST /api/v1/entities/customer/versions/2.latest/validate", 200, "application/json", """
        {"valid": false, "violations": [
          {"instancePath": "", "schemaLocation": "urn:canonical:customer:2.3#/type", "keyword": "type",
           "message": "array found, object expected"} ]}
        """);
    JsonNode payload = JSON.readTree("[1, \"two\", null]");

    ValidationResult result = new ValidationApi(client).validatePayload("customer", "2.latest", payload);

    assertThat(result.getValid()).isFalse();
    assertThat(result.getViolations()).singleElement().satisfies(violation -> {
      assertThat(violation.getKeyword()).isEqualTo("type");
      assertThat(violation.getInstancePath()).isEmpty();
    });
    assertThat(JSON.readTree(received.get(0).body())).isEqualTo(payload);
  }

  @Test
  void anErrorPageThatIsNotAProblemDocumentYieldsNoProblem() {
    given("GET /api/v1/entities/customer", 502, "text/html", "<html>Bad gateway</html>");

    ApiException failure = catchThrowableOfType(ApiException.class,
        () -> new EntitiesApi(client).getEntity("customer"));

    assertThat(failure.getCode()).isEqualTo(502);
    assertThat(failure.getResponseBody()).contains("Bad gateway");
    assertThat(Problems.from(failure)).isEmpty();
  }
}
