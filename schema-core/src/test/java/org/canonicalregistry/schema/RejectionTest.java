package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.canonicalregistry.schema.SchemaRejectedException.Reason;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** One focused test per rejection reason: reason, pointer and message, each within one second. */
class RejectionTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final SchemaEngine engine = SchemaEngine.withDefaults();

  private static SchemaRejectedException rejected(ThrowingCallable call) {
    SchemaRejectedException[] caught = new SchemaRejectedException[1];
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(call)
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> caught[0] = e));
    return caught[0];
  }

  // ---- bounds -------------------------------------------------------------------------------

  @Test
  void tenMegabyteSchemaIsTooLargeBeforeParsing() {
    byte[] huge = new byte[10 * 1024 * 1024];
    Arrays.fill(huge, (byte) '[');
    SchemaRejectedException e = rejected(() -> engine.load(huge));
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e.pointer()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("schema is 10485760 bytes; the limit is 262144");
  }

  @Test
  void tenMegabyteSchemaTextIsTooLargeBeforeEncoding() {
    String huge = "[".repeat(10 * 1024 * 1024);
    SchemaRejectedException e = rejected(() -> engine.load(huge));
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e.getMessage()).contains("262144");
  }

  @Test
  void instanceHasItsOwnLargerLimit() {
    byte[] twoMegabytes = ("\"" + "a".repeat(2 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
    SchemaRejectedException e = rejected(() -> engine.parseInstance(twoMegabytes));
    assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(e.getMessage()).isEqualTo("instance is 2097154 bytes; the limit is 1048576");
    assertThat(engine.parseInstance(("\"" + "a".repeat(512 * 1024) + "\"").getBytes(StandardCharsets.UTF_8))
        .stringValue()).hasSize(512 * 1024);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"schema", "instance"})
  void tenThousandDeepDocumentIsTooDeepWithoutStackOverflow(String what) {
    byte[] deep = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    SchemaRejectedException e = rejected(() -> {
      if (what.equals("schema")) {
        engine.load(deep);
      } else {
        engine.parseInstance(deep);
      }
    });
    assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
    assertThat(e.getMessage()).startsWith(what + " nests objects/arrays more than 64 levels deep").contains("limit is 64");
  }

  @Test
  void deepInMemoryTreeIsTooDeepForCompile() {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    ArrayNode current = root;
    for (int i = 0; i < 10_000; i++) {
      current = current.addArray();
    }
    JsonNode schema = JsonNodeFactory.instance.objectNode().set("enum", root);
    SchemaRejectedException e = rejected(() -> engine.compile(schema));
    assertThat(e.reason()).isEqualTo(Reason.TOO_DEEP);
  }

  @Test
  void depthLimitCountsContainers() {
    SchemaEngine shallow = SchemaEngine.builder().limits(new SchemaLimits(1024, 3)).build();
    assertThat(shallow.parseInstance("[[[1]]]".getBytes(StandardCharsets.UTF_8)).size()).isEqualTo(1);
    assertThat(rejected(() -> shallow.parseInstance("[[[[1]]]]".getBytes(StandardCharsets.UTF_8))).reason())
        .isEqualTo(Reason.TOO_DEEP);
  }

  // ---- encoding and syntax --------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "truncated two-byte sequence, 7B2261223A22C3227D",
      "overlong slash, 7B2261223A22C0AF227D",
      "encoded surrogate, 7B2261223A22EDA080227D",
      "lone continuation byte, 7B2261223A2280227D"})
  void invalidUtf8IsRefusedWithOffset(String name, String hex) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);
    SchemaRejectedException e = rejected(() -> engine.load(bytes));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_UTF8);
    assertThat(e.getMessage()).startsWith("schema is not valid UTF-8").contains("byte offset 6");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    SchemaRejectedException e = rejected(() -> engine.load("{\n  \"type\": \"string\",\n  \"title\": }"));
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(e.getMessage()).startsWith("schema is not well-formed JSON at line 3, column");
  }

  @Test
  void duplicateKeysAreMalformed() {
    SchemaRejectedException e = rejected(() -> engine.load("{\"type\":\"string\",\"type\":\"integer\"}"));
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(e.getMessage()).contains("line 1").contains("type");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "empty           |''",
      "only whitespace |'  \n '",
      "byte order mark |'\uFEFF{}'",
      "comment         |'{/* c */}'",
      "unquoted key    |'{a:1}'",
      "NaN             |'[NaN]'",
      "leading zero    |'[01]'"})
  void notStrictJsonIsMalformed(String name, String text) {
    SchemaRejectedException e = rejected(() -> engine.parseInstance(text.getBytes(StandardCharsets.UTF_8)));
    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(e.getMessage()).startsWith("instance ");
  }

  @Test
  void trailingContentIsMalformed() {
    assertThat(rejected(() -> engine.load("{} {}")).reason()).isEqualTo(Reason.MALFORMED_JSON);
  }

  // ---- meta-schema ----------------------------------------------------------------------------

  @Test
  void metaSchemaViolationNamesThePointer() {
    SchemaRejectedException e = rejected(() -> engine.load("{\"properties\":{\"a\":{\"minLength\":-1}}}"));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.pointer()).isEqualTo("/properties/a/minLength");
    assertThat(e.getMessage()).contains("/properties/a/minLength");
    assertThat(e.details()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"true", "false"})
  void booleanRootIsNotARegistrableSchema(String root) {
    SchemaRejectedException e = rejected(() -> engine.load(root));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.pointer()).isEmpty();
    assertThat(e.getMessage()).contains("must be a JSON object");
    assertThat(engine.compile(JSON.readTree(root)).isValid(JSON.readTree("1"))).isEqualTo(Boolean.parseBoolean(root));
  }

  @Test
  void nonSchemaRootFailsTheMetaSchema() {
    assertThat(rejected(() -> engine.load("5")).reason()).isEqualTo(Reason.INVALID_SCHEMA);
  }

  @Test
  void loadAcceptsOnlyDraft2020() {
    SchemaRejectedException e = rejected(() -> engine.load(
        "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"string\"}"));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.pointer()).isEqualTo("/$schema");
    assertThat(e.getMessage()).contains("2020-12");
  }

  // ---- profile --------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "if at root                |{\"if\":{\"type\":\"string\"}}                                  |/if",
      "anyOf nested             |{\"properties\":{\"a\":{\"anyOf\":[{\"type\":\"string\"}]}}}    |/properties/a/anyOf",
      "patternProperties in items|{\"items\":{\"patternProperties\":{\"^a\":true}}}             |/items/patternProperties",
      "not inside allOf         |{\"allOf\":[{\"not\":{\"type\":\"null\"}}]}                     |/allOf/0/not",
      "prefixItems              |{\"prefixItems\":[true]}                                      |/prefixItems",
      "unknown keyword           |{\"$defs\":{\"a~b\":{\"nullable\":true}}}                        |/$defs/a~0b/nullable",
      "embedded $id             |{\"properties\":{\"a\":{\"$id\":\"urn:x:y\"}}}                  |/properties/a/$id"})
  void keywordOutsideProfileNamesItsPointer(String name, String schema, String pointer) {
    SchemaRejectedException e = rejected(() -> engine.load(schema.strip()));
    assertThat(e.reason()).isEqualTo(Reason.KEYWORD_OUTSIDE_PROFILE);
    assertThat(e.pointer()).isEqualTo(pointer.strip());
    assertThat(e.getMessage()).contains(pointer.strip());
  }

  @Test
  void profileWalksOnlySchemaPositions() {
    CanonicalSchema schema = engine.load("""
        {"type":"object",
         "x-classification":"confidential",
         "properties":{"if":{"type":"string"},"anyOf":{"type":"integer"},"e":{"enum":[{"if":1}]}},
         "default":{"not":true},
         "examples":[{"patternProperties":{}}],
         "$defs":{"c":{"const":{"oneOf":[]}}}}
        """);
    assertThat(schema.compiled().isValid(JSON.readTree("{\"if\":\"x\",\"anyOf\":2,\"e\":{\"if\":1}}"))).isTrue();
  }

  @Test
  void oneOfAndAllOfAreInTheProfile() {
    CanonicalSchema schema = engine.load("""
        {"oneOf":[
           {"type":"object","required":["kind"],"properties":{"kind":{"const":"card"}}},
           {"type":"object","required":["kind"],"properties":{"kind":{"const":"iban"}}}],
         "allOf":[{"type":"object"}]}
        """);
    assertThat(schema.compiled().isValid(JSON.readTree("{\"kind\":\"iban\"}"))).isTrue();
    assertThat(schema.compiled().isValid(JSON.readTree("{\"kind\":\"cash\"}"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "scalar union               |{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}",
      "tag not required           |{\"oneOf\":[{\"properties\":{\"k\":{\"const\":\"a\"}}},{\"required\":[\"k\"],\"properties\":{\"k\":{\"const\":\"b\"}}}]}",
      "same tag value twice       |{\"oneOf\":[{\"required\":[\"k\"],\"properties\":{\"k\":{\"const\":\"a\"}}},{\"required\":[\"k\"],\"properties\":{\"k\":{\"const\":\"a\"}}}]}"})
  void oneOfWithoutDiscriminatorIsOutsideTheProfile(String name, String schema) {
    SchemaRejectedException e = rejected(() -> engine.load(schema.strip()));
    assertThat(e.reason()).isEqualTo(Reason.KEYWORD_OUTSIDE_PROFILE);
    assertThat(e.pointer()).isEqualTo("/oneOf");
    assertThat(e.getMessage()).contains("discriminator");
  }

  @Test
  void oneOfDiscriminatorMayComeThroughReferences() {
    CanonicalSchema schema = engine.load("""
        {"$defs":{
           "card":{"type":"object","required":["kind","pan"],"properties":{"kind":{"const":"card"},"pan":{"type":"string"}}},
           "iban":{"type":"object","required":["kind"],"properties":{"kind":{"const":"iban"}}}},
         "oneOf":[{"$ref":"#/$defs/card"},{"$ref":"#/$defs/iban"}]}
        """);
    assertThat(schema.compiled().isValid(JSON.readTree("{\"kind\":\"card\",\"pan\":\"4111\"}"))).isTrue();
    assertThat(schema.compiled().isValid(JSON.readTree("{\"kind\":\"card\"}"))).isFalse();
  }

  @Test
  void unknownFormatIsOutsideTheProfile() {
    SchemaRejectedException e = rejected(() -> engine.load("{\"properties\":{\"d\":{\"type\":\"string\",\"format\":\"made-up\"}}}"));
    assertThat(e.reason()).isEqualTo(Reason.KEYWORD_OUTSIDE_PROFILE);
    assertThat(e.pointer()).isEqualTo("/properties/d/format");
    assertThat(e.getMessage()).contains("made-up").contains("date-time");
  }

  // ---- references -----------------------------------------------------------------------------

  @Test
  void unresolvableLocalReferenceIsInvalid() {
    SchemaRejectedException e = rejected(() -> engine.load("{\"properties\":{\"a\":{\"$ref\":\"#/$defs/missing\"}}}"));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.pointer()).isEqualTo("/properties/a/$ref");
    assertThat(e.getMessage()).contains("#/$defs/missing").contains("points to nothing");
  }

  @Test
  void referenceIntoAKeywordValueIsInvalid() {
    SchemaRejectedException e = rejected(() -> engine.load("{\"enum\":[{}],\"properties\":{\"a\":{\"$ref\":\"#/enum/0\"}}}"));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.pointer()).isEqualTo("/properties/a/$ref");
  }

  @Test
  void malformedRegistryReferenceIsInvalid() {
    SchemaRejectedException e = rejected(() -> engine.load("{\"$ref\":\"urn:canonical:Customer:1\"}"));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.pointer()).isEqualTo("/$ref");
    assertThat(e.getMessage()).contains("urn:canonical:<entity>:<major>.<minor>");
  }

  @ParameterizedTest(name = "{0} via {1}")
  @CsvSource(delimiter = '|', value = {
      "self reference    |load   |{\"$ref\":\"#\"}",
      "self reference    |compile|{\"$ref\":\"#\"}",
      "mutual references |load   |{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},\"$ref\":\"#/$defs/a\"}",
      "mutual references |compile|{\"$defs\":{\"a\":{\"$ref\":\"#/$defs/b\"},\"b\":{\"$ref\":\"#/$defs/a\"}},\"$ref\":\"#/$defs/a\"}",
      "through allOf     |load   |{\"allOf\":[{\"$ref\":\"#\"}]}",
      "through allOf     |compile|{\"allOf\":[{\"$ref\":\"#\"}]}",
      "through not       |compile|{\"not\":{\"$ref\":\"#\"}}",
      "draft-07 definitions|compile|{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"definitions\":{\"a\":{\"$ref\":\"#/definitions/a\"}},\"$ref\":\"#/definitions/a\"}"})
  void referenceCycleWithoutProgressIsInvalid(String name, String path, String schema) {
    ThrowingCallable call = path.strip().equals("load")
        ? () -> engine.load(schema.strip())
        : () -> engine.compile(JSON.readTree(schema.strip()));
    SchemaRejectedException e = rejected(call);
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.getMessage()).contains("reference cycle").contains("never descends into the instance");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"load", "compile"})
  void exponentialFanOutOfInPlaceApplicatorsIsInvalid(String path) {
    StringBuilder defs = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      String next = "#/$defs/a" + (i + 1);
      defs.append("\"a").append(i).append("\":{\"allOf\":[{\"$ref\":\"").append(next)
          .append("\"},{\"$ref\":\"").append(next).append("\"}]},");
    }
    String schema = "{\"$defs\":{" + defs + "\"a20\":{\"type\":\"string\"}},\"$ref\":\"#/$defs/a0\"}";
    SchemaRejectedException e = rejected(path.equals("load")
        ? () -> engine.load(schema) : () -> engine.compile(JSON.readTree(schema)));
    assertThat(e.reason()).isEqualTo(Reason.INVALID_SCHEMA);
    assertThat(e.getMessage()).contains("more than 10000 subschemas").contains("the limit is 10000");
  }

  @Test
  void modestSharingOfDefinitionsIsFine() {
    CanonicalSchema schema = engine.load("""
        {"$defs":{"s":{"type":"string","maxLength":3},
                  "t":{"allOf":[{"$ref":"#/$defs/s"},{"$ref":"#/$defs/s"}]}},
         "allOf":[{"$ref":"#/$defs/t"},{"$ref":"#/$defs/t"}]}
        """);
    assertThat(schema.compiled().isValid(JSON.readTree("\"abc\""))).isTrue();
    assertThat(schema.compiled().isValid(JSON.readTree("\"abcd\""))).isFalse();
  }

  @Test
  void recursiveSchemaThatDescendsIntoTheInstanceIsAcceptedAndTerminates() {
    CanonicalSchema tree = engine.load("""
        {"type":"object","required":["name"],
         "properties":{"name":{"type":"string"},"children":{"type":"array","items":{"$ref":"#"}}}}
        """);
    String deep = "{\"name\":\"n\",\"children\":[".repeat(30) + "{\"name\":\"leaf\"}" + "]}".repeat(30);
    JsonNode instance = engine.parseInstance(deep.getBytes(StandardCharsets.UTF_8));
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
      assertThat(tree.compiled().isValid(instance)).isTrue();
      assertThat(tree.compiled().validate(instance).valid()).isTrue();
    });
    String broken = deep.replace("{\"name\":\"leaf\"}", "{\"children\":[]}");
    assertThat(tree.compiled().validate(engine.parseInstance(broken.getBytes(StandardCharsets.UTF_8))).violations())
        .singleElement().satisfies(v -> assertThat(v.keyword()).isEqualTo("required"));
  }

  // ---- regular expressions ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "backreference      |(a)\\1",
      "lookahead          |^(?=a)a$",
      "negative lookbehind|(?<!x)y"})
  void patternRe2CannotRunIsUnsafe(String name, String regex) {
    String schema = "{\"properties\":{\"code\":{\"type\":\"string\",\"pattern\":" + JSON.writeValueAsString(regex.strip()) + "}}}";
    SchemaRejectedException e = rejected(() -> engine.load(schema));
    assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PATTERN);
    assertThat(e.pointer()).isEqualTo("/properties/code/pattern");
    assertThat(e.getMessage()).contains("/properties/code/pattern").contains(regex.strip());
  }

  @Test
  void unsafePatternPropertiesKeyIsRefusedByCompile() {
    SchemaRejectedException e = rejected(() -> engine.compile(JSON.readTree("{\"patternProperties\":{\"(a)\\\\1\":true}}")));
    assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PATTERN);
    assertThat(e.pointer()).isEqualTo("/patternProperties/(a)\\1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"^(a+)+$", "^(a{1,20}){1,20}$", "^(a|a)*$", "^(a|aa)+b$"})
  void catastrophicBacktrackingPatternsFinishFast(String regex) {
    CanonicalSchema schema = engine.load("{\"type\":\"string\",\"pattern\":" + JSON.writeValueAsString(regex) + "}");
    JsonNode hostile = JsonNodeFactory.instance.stringNode("a".repeat(100_000) + "!");
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
      assertThat(schema.compiled().isValid(hostile)).isFalse();
      assertThat(schema.compiled().validate(hostile).violations()).singleElement()
          .satisfies(v -> assertThat(v.keyword()).isEqualTo("pattern"));
    });
  }

  @Test
  void patternsAreUnanchoredAndUnderstandEcmaUnicodeEscapes() {
    CompiledSchema schema = engine.compile(JSON.readTree("{\"pattern\":\"\\\\u00e9t\\\\u00e9\"}"));
    assertThat(schema.isValid(JSON.readTree("\"un \u00e9t\u00e9 chaud\""))).isTrue();
    assertThat(schema.isValid(JSON.readTree("\"hiver\""))).isFalse();
  }

  // ---- formats --------------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} rejects {1}")
  @CsvSource({
      "email, no-at-sign",
      "date-time, 2024-13-01T00:00:00Z",
      "date, 2024-02-30",
      "uuid, 1234",
      "uri, not a uri",
      "ipv4, 256.1.1.1",
      "duration, 1 day",
      "regex, (a)\\1"})
  void formatsAreAsserted(String format, String value) {
    CompiledSchema schema = engine.load("{\"type\":\"string\",\"format\":\"" + format + "\"}").compiled();
    assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(value))).isFalse();
  }

  @ParameterizedTest(name = "{0} accepts {1}")
  @CsvSource({
      "email, ada@example.com",
      "date-time, 2024-02-29T10:15:30Z",
      "date, 2024-02-29",
      "uuid, 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
      "uri, https://example.com/a?b=c",
      "ipv4, 10.0.0.1",
      "duration, P1DT2H",
      "regex, ^[a-z]+$"})
  void validFormatsPass(String format, String value) {
    CompiledSchema schema = engine.load("{\"type\":\"string\",\"format\":\"" + format + "\"}").compiled();
    assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(value))).isTrue();
  }

  /**
   * Guards an assumption the adapter gate relies on: the e-mail checks bound the address themselves and answer a
   * long, address-shaped string at once. {@code email} is schema-core's own RFC 5321 Mailbox (at most 254
   * octets); {@code idn-email} is networknt's (local part at most 64, domain at most 253, so at most 320). Should
   * a networknt upgrade lose that bound, this fails and schema-core needs its own.
   */
  @ParameterizedTest(name = "{0} refuses an address longer than {1} characters, at once")
  @CsvSource({"email, 254, 57", "idn-email, 320, 63"})
  void emailFormatsRefuseOverlongAddressesAndAnswerHostileOnesAtOnce(String format, int limit, int lastLabel) {
    for (String declared : new String[] {"", "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","}) {
      CompiledSchema schema = engine.load("{" + declared + "\"type\":\"string\",\"format\":\"" + format + "\"}")
          .compiled();
      String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(lastLabel)
          + ".com";
      String tooLong = "a".repeat(64) + "@" + ("b".repeat(63) + ".").repeat(4) + "com";
      // Shaped like an address, and long: the kind of string that keeps a regex-based check busy.
      String hostile = "a.".repeat(20_000) + "@" + "b-".repeat(20_000) + ".com";

      assertThat(longest.length()).isLessThanOrEqualTo(limit);
      assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(longest))).as(declared + longest).isTrue();
      assertThat(tooLong.length()).isGreaterThan(limit);
      assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(tooLong))).isFalse();
      assertThat(schema.validate(JsonNodeFactory.instance.stringNode(tooLong)).violations())
          .singleElement().satisfies(v -> assertThat(v.keyword()).isEqualTo("format"));
      Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
          () -> assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(hostile))).isFalse());
    }
  }
}
