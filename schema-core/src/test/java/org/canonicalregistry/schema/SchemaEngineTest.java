package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.canonicalregistry.schema.SchemaRejectedException.Reason;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SchemaEngineTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final SchemaEngine engine = SchemaEngine.withDefaults();

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void loadReturnsCanonicalFormFingerprintAndWorkingValidator() {
    CanonicalSchema schema = engine.load("""
        { "type": "object",
          "required": ["id"],
          "properties": { "id": {"type": "string", "format": "uuid"}, "age": {"type": "integer", "minimum": 0} } }
        """);

    assertThat(schema.canonicalJson()).isEqualTo(
        "{\"properties\":{\"age\":{\"minimum\":0,\"type\":\"integer\"},\"id\":{\"format\":\"uuid\",\"type\":\"string\"}},"
            + "\"required\":[\"id\"],\"type\":\"object\"}");
    assertThat(schema.fingerprint()).hasSize(64).matches("[0-9a-f]{64}")
        .isEqualTo(CanonicalJson.fingerprint(schema.canonicalJson()));
    assertThat(schema.references()).isEmpty();
    assertThat(schema.compiled().isValid(json("{\"id\":\"0b7e7c6a-8a3e-4c57-9b1e-3f4f0f1d2a11\",\"age\":3}"))).isTrue();
    assertThat(schema.compiled().isValid(json("{\"age\":-1}"))).isFalse();
  }

  @Test
  void validateReportsEveryViolationWithInstancePathSchemaLocationAndKeyword() {
    CompiledSchema schema = engine.compile(json("""
        { "type": "object", "required": ["id"],
          "properties": { "id": {"type": "string", "format": "uuid"}, "age": {"type": "integer", "minimum": 0} } }
        """));

    ValidationReport report = schema.validate(json("{\"id\":\"not-a-uuid\",\"age\":-5}"));

    assertThat(report.valid()).isFalse();
    assertThat(report.violations()).extracting(Violation::instancePath, Violation::keyword)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/id", "format"),
            org.assertj.core.groups.Tuple.tuple("/age", "minimum"));
    assertThat(report.violations()).filteredOn(v -> v.keyword().equals("minimum"))
        .singleElement().satisfies(v -> {
          assertThat(v.schemaLocation()).endsWith("/properties/age/minimum");
          assertThat(v.message()).isNotBlank();
        });
  }

  @Test
  void validReportIsEmpty() {
    CompiledSchema schema = engine.compile(json("{\"type\":\"string\"}"));
    assertThat(schema.validate(json("\"x\"")).valid()).isTrue();
    assertThat(schema.validate(json("\"x\"")).violations()).isEmpty();
  }

  @Test
  void compileHonoursOlderDraftsBySchemaKeyword() {
    // draft-04: boolean exclusiveMaximum modifies maximum
    CompiledSchema draft4 = engine.compile(json("""
        {"$schema":"http://json-schema.org/draft-04/schema#","type":"number","maximum":10,"exclusiveMaximum":true}
        """));
    assertThat(draft4.isValid(json("10"))).isFalse();
    assertThat(draft4.isValid(json("9.5"))).isTrue();
    // draft-07: array-form items
    CompiledSchema draft7 = engine.compile(json("""
        {"$schema":"http://json-schema.org/draft-07/schema#","items":[{"type":"string"}],"additionalItems":false}
        """));
    assertThat(draft7.isValid(json("[\"a\"]"))).isTrue();
    assertThat(draft7.isValid(json("[\"a\",1]"))).isFalse();
  }

  @Test
  void registryReferencesResolveThroughTheResolver() {
    JsonNode address = json("{\"$defs\":{\"zip\":{\"type\":\"string\",\"maxLength\":5}},\"type\":\"object\","
        + "\"properties\":{\"zip\":{\"$ref\":\"#/$defs/zip\"}}}");
    SchemaEngine withRegistry = SchemaEngine.builder()
        .referenceResolver(ref -> Optional.ofNullable(Map.of(new SchemaReference("address", 1, 0), address).get(ref)))
        .build();

    CanonicalSchema schema = withRegistry.load("""
        {"type":"object","properties":{
          "home":{"$ref":"urn:canonical:address:1.0"},
          "zip":{"$ref":"urn:canonical:address:1.0#/$defs/zip"}}}
        """);

    assertThat(schema.references()).containsExactly(new SchemaReference("address", 1, 0));
    assertThat(schema.compiled().isValid(json("{\"home\":{\"zip\":\"12345\"},\"zip\":\"1\"}"))).isTrue();
    assertThat(schema.compiled().isValid(json("{\"home\":{\"zip\":\"123456\"}}"))).isFalse();
    assertThat(schema.compiled().isValid(json("{\"zip\":\"123456\"}"))).isFalse();
  }

  @Test
  void unknownRegistryReferenceNamesEntityAndVersion() {
    assertThatThrownBy(() -> engine.load("{\"properties\":{\"c\":{\"$ref\":\"urn:canonical:customer:2.3\"}}}"))
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_REFERENCE);
          assertThat(e.pointer()).isEqualTo("/properties/c/$ref");
          assertThat(e.getMessage()).contains("customer@2.3");
        });
  }

  @Test
  void parseInstanceKeepsDecimalText() {
    assertThat(CanonicalJson.canonicalize(engine.parseInstance("{\"b\":1.0,\"a\":[1,2.50]}".getBytes())))
        .isEqualTo("{\"a\":[1,2.50],\"b\":1.0}");
  }

  @Test
  void validationUsesTheDocumentsCheckedAtCompileTimeAndNeverCallsTheResolverAgain() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean storeAnswers = new java.util.concurrent.atomic.AtomicBoolean(true);
    SchemaEngine withRegistry = SchemaEngine.builder().referenceResolver(ref -> {
      calls.incrementAndGet();
      return storeAnswers.get() ? Optional.of(json("{\"type\":\"string\",\"maxLength\":2}")) : Optional.empty();
    }).build();

    CompiledSchema schema = withRegistry.compile(json("{\"properties\":{\"a\":{\"$ref\":\"urn:canonical:code:1.0\"},"
        + "\"b\":{\"$ref\":\"urn:canonical:code:1.0\"}}}"));
    int callsAtCompile = calls.get();
    storeAnswers.set(false);

    assertThat(callsAtCompile).isEqualTo(1);
    assertThat(schema.isValid(json("{\"a\":\"ab\",\"b\":\"cd\"}"))).isTrue();
    assertThat(schema.validate(json("{\"a\":\"abc\"}")).violations()).singleElement()
        .satisfies(v -> assertThat(v.instancePath()).isEqualTo("/a"));
    assertThat(calls.get()).isEqualTo(callsAtCompile);
  }

  @Test
  void compiledSchemaIsSafeToShareBetweenThreads() throws Exception {
    CompiledSchema schema = engine.load("""
        {"type":"object","required":["n"],"properties":{"n":{"type":"integer","maximum":100}},
         "additionalProperties":false}
        """).compiled();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        results.add(pool.submit(() -> schema.isValid(json("{\"n\":" + n + "}")) == (n <= 100)
            && schema.validate(json("{\"n\":" + n + "}")).valid() == (n <= 100)));
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "draft-06    |http://json-schema.org/draft-06/schema#",
      "draft-07    |http://json-schema.org/draft-07/schema",
      "2019-09     |https://json-schema.org/draft/2019-09/schema",
      "2020-12     |https://json-schema.org/draft/2020-12/schema"})
  void compileAcceptsEverySupportedDraft(String name, String dialect) {
    CompiledSchema schema = engine.compile(json("{\"$schema\":\"" + dialect.strip() + "\",\"type\":\"integer\","
        + "\"exclusiveMaximum\":3}"));
    assertThat(schema.isValid(json("2"))).isTrue();
    assertThat(schema.isValid(json("3"))).isFalse();
  }
}
