package org.canonicalregistry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Lints the contract as written: the rules both generated sides rely on and the error model every operation
 * shares. Reads the copy packaged in the jar, so it also proves the spec ships as
 * {@code openapi/registry-api.yaml}.
 */
class RegistryApiSpecTest {

  private static final String PACKAGED = "/openapi/registry-api.yaml";
  private static final Path SOURCE = Path.of("src", "main", "openapi", "registry-api.yaml");
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final String PROBLEM_SCHEMA = "#/components/schemas/ProblemDetails";
  private static final String PROBLEM_BASE = "https://canonical-registry.org/problems/";
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final JsonNode SPEC = load();

  /** One operation of the spec, named for the test report. */
  record Operation(String method, String path, JsonNode node) {
    @Override
    public String toString() {
      return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }
  }

  /** One declared response with status 4xx, 5xx or {@code default}, after following a {@code $ref}. */
  record ErrorResponse(Operation operation, String status, JsonNode resolved) {}

  private static JsonNode load() {
    try (InputStream in = RegistryApiSpecTest.class.getResourceAsStream(PACKAGED)) {
      assertThat(in).as("spec packaged at classpath:%s", PACKAGED).isNotNull();
      return YAMLMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Named<Operation>> operations() {
    List<Named<Operation>> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : SPEC.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> member : path.getValue().properties()) {
        if (HTTP_METHODS.contains(member.getKey())) {
          Operation operation = new Operation(member.getKey(), path.getKey(), member.getValue());
          result.add(Named.of(operation.toString(), operation));
        }
      }
    }
    return result.stream();
  }

  static Stream<Named<ErrorResponse>> errorResponses() {
    return operations().map(Named::getPayload).flatMap(operation -> {
      List<Named<ErrorResponse>> result = new ArrayList<>();
      for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
        String status = response.getKey();
        if (status.startsWith("4") || status.startsWith("5") || status.equals("default")) {
          result.add(Named.of(operation + " " + status,
              new ErrorResponse(operation, status, resolve(response.getValue()))));
        }
      }
      return result.stream();
    });
  }

  static Stream<Named<JsonNode>> problemTypes() {
    List<Named<JsonNode>> result = new ArrayList<>();
    for (JsonNode type : SPEC.get("x-problem-types")) {
      result.add(Named.of(type.get("name").asString(), type));
    }
    return result.stream();
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String pointer = ref.asString();
    assertThat(pointer).as("only local references").startsWith("#/");
    JsonNode target = SPEC.at(pointer.substring(1));
    assertThat(target.isMissingNode()).as("%s resolves", pointer).isFalse();
    return resolve(target);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationHasAnOperationIdAndExactlyOneDeclaredTag(Operation operation) {
    Set<String> declaredTags = new HashSet<>();
    SPEC.get("tags").forEach(tag -> declaredTags.add(tag.get("name").asString()));

    assertThat(operation.node().path("operationId").asString(""))
        .as("operationId of %s", operation)
        .matches("[a-z][A-Za-z0-9]*");
    // useTags=true makes one Java interface per tag; a second tag would put the method in two interfaces.
    assertThat(operation.node().path("tags")).as("tags of %s", operation).hasSize(1);
    assertThat(operation.node().get("tags").get(0).asString()).isIn(declaredTags);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errorResponses")
  void everyErrorResponseIsAProblemDocument(ErrorResponse response) {
    JsonNode content = response.resolved().path("content");
    assertThat(fieldNames(content))
        .as("media types of %s %s", response.operation(), response.status())
        .containsExactly(PROBLEM_JSON);
    assertThat(content.get(PROBLEM_JSON).path("schema").path("$ref").asString(""))
        .as("schema of %s %s", response.operation(), response.status())
        .isEqualTo(PROBLEM_SCHEMA);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationDeclaresInternalErrorAndNotAcceptable(Operation operation) {
    assertThat(fieldNames(operation.node().get("responses"))).contains("500", "406");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationWithABodyDeclaresTheBodyErrors(Operation operation) {
    if (operation.node().has("requestBody")) {
      assertThat(fieldNames(operation.node().get("responses")))
          .as("%s takes a body", operation)
          .contains("400", "413", "415");
    } else {
      assertThat(operation.method()).as("%s has no body", operation).isIn("get", "delete", "head");
    }
  }

  @Test
  void operationIdsAreTheAgreedJavaMethodNames() {
    List<String> ids = operations().map(named -> named.getPayload().node().get("operationId").asString())
        .collect(Collectors.toList());

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(ids).containsExactlyInAnyOrder(
        "listEntities", "createEntity", "getEntity", "updateEntity",
        "listSchemaVersions", "getSchemaVersion", "getRawSchema",
        "getSchemaById", "getRawSchemaById", "validatePayload", "checkCompatibility",
        "checkEntityCompatibility", "getOpenApiSpec",
        // principals (security)
        "listPrincipals", "createPrincipal", "getCurrentPrincipal", "getPrincipal", "updatePrincipal",
        "listTokens", "issueToken", "revokeToken",
        // proposals and version lifecycle (governance)
        "openProposal", "listProposals", "getProposal", "approveProposal", "rejectProposal", "withdrawProposal",
        "rebaseProposal", "deprecateSchemaVersion", "retireSchemaVersion",
        // audit and webhooks (issue 4)
        "listAuditEvents", "verifyAuditChain", "listWebhookSubscriptions", "createWebhookSubscription",
        "getWebhookSubscription", "deleteWebhookSubscription", "listWebhookDeliveries",
        // data-flow ownership records (flows)
        "listSystems", "createSystem", "getSystem", "updateSystem", "getSystemAsyncApi", "listSystemsOfRecord",
        "declareSystemOfRecord", "withdrawSystemOfRecord", "listFlows", "createFlow", "listFlowHealth", "getFlow",
        "updateFlow", "reportFlowRun", "listFlowRuns", "getFlowHealth", "listFlowIncidents", "getImpact",
        "getFlowMap", "getFlowMapSvg", "getFlowMapMermaid", "importOwnership", "exportOwnership");
  }

  @Test
  void everyPathIsVersionedUnderApiV1() {
    assertThat(fieldNames(SPEC.get("paths"))).isNotEmpty().allMatch(path -> path.startsWith("/api/v1/"));
  }

  @Test
  void everyLocalReferenceResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(SPEC, refs);

    assertThat(refs).isNotEmpty();
    assertThat(refs).allSatisfy(ref -> {
      assertThat(ref).startsWith("#/");
      assertThat(SPEC.at(ref.substring(1)).isMissingNode()).as("%s resolves", ref).isFalse();
    });
  }

  @Test
  void everyErrorTheServiceRaisesHasAStableProblemType() {
    List<String> names = problemTypes().map(named -> named.getPayload().get("name").asString())
        .collect(Collectors.toList());

    assertThat(names).doesNotHaveDuplicates().contains(
        "entity-not-found", "version-not-found", "entity-already-exists", "schema-rejected",
        "incompatible-change", "malformed-request", "payload-too-large", "unsupported-media-type",
        "not-acceptable", "method-not-allowed", "not-found", "validation-failed", "conflict",
        "internal-error");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problemTypes")
  void problemTypeUriIsDerivedFromItsNameAndDocumented(JsonNode problemType) {
    String name = problemType.get("name").asString();
    String uri = problemType.get("type").asString();
    int status = problemType.get("status").asInt();

    assertThat(name).matches("[a-z]+(-[a-z]+)*");
    assertThat(uri).isEqualTo(PROBLEM_BASE + name);
    assertThat(status).isBetween(400, 599);
    assertThat(problemType.path("title").asString("")).isNotBlank();
    // The human-readable table in info.description must list the same URI with the same status.
    assertThat(SPEC.get("info").get("description").asString()).contains("`" + uri + "` | " + status + " |");
  }

  @Test
  void problemDetailsCarriesTheRfc9457MembersAndOurExtensions() {
    JsonNode problem = SPEC.at("/components/schemas/ProblemDetails");

    assertThat(fieldNames(problem.get("properties"))).contains(
        "type", "title", "status", "detail", "instance", "errors", "changes", "witnesses", "limit");
    assertThat(problem.get("required")).extracting(JsonNode::asString)
        .containsExactlyInAnyOrder("type", "title", "status");
  }

  @Test
  void packagedSpecIsByteForByteTheSourceFile() throws IOException {
    try (InputStream in = RegistryApiSpecTest.class.getResourceAsStream(PACKAGED)) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(SOURCE));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(entry -> names.add(entry.getKey()));
    return names;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        if (entry.getKey().equals("$ref") && entry.getValue().isString()) {
          refs.add(entry.getValue().asString());
        } else {
          collectRefs(entry.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
