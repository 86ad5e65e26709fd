package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DraftNormalizerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String D4 = "\"$schema\":\"http://json-schema.org/draft-04/schema#\"";
  private static final String D7 = "\"$schema\":\"http://json-schema.org/draft-07/schema#\"";
  private static final String D2020 = "\"$schema\":\"https://json-schema.org/draft/2020-12/schema\"";

  private static String normalized(String schema) {
    return CanonicalJson.canonicalize(DraftNormalizer.toDraft2020(JSON.readTree(schema)));
  }

  private static String canonical(String schema) {
    return CanonicalJson.canonicalize(JSON.readTree(schema));
  }

  @Test
  void definitionsBecomeDefsAndRefsFollow() {
    assertThat(normalized("{" + D7 + ",\"definitions\":{\"a\":{\"type\":\"string\"}},"
        + "\"properties\":{\"x\":{\"$ref\":\"#/definitions/a\"},\"definitions\":{\"type\":\"integer\"}}}"))
        .isEqualTo(canonical("{" + D2020 + ",\"$defs\":{\"a\":{\"type\":\"string\"}},"
            + "\"properties\":{\"x\":{\"$ref\":\"#/$defs/a\"},\"definitions\":{\"type\":\"integer\"}}}"));
  }

  @Test
  void refToAPropertyNamedDefinitionsIsNotRewritten() {
    assertThat(normalized("{" + D7 + ",\"properties\":{\"definitions\":{\"type\":\"integer\"},"
        + "\"y\":{\"$ref\":\"#/properties/definitions\"}}}"))
        .contains("\"$ref\":\"#/properties/definitions\"");
  }

  @Test
  void arrayItemsAndAdditionalItemsBecomePrefixItemsAndItems() {
    assertThat(normalized("{" + D7 + ",\"items\":[{\"type\":\"string\"},{\"type\":\"integer\"}],"
        + "\"additionalItems\":false}"))
        .isEqualTo(canonical("{" + D2020 + ",\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"integer\"}],"
            + "\"items\":false}"));
  }

  @Test
  void additionalItemsBesideSingleSchemaItemsHadNoEffectAndIsDropped() {
    assertThat(normalized("{" + D7 + ",\"items\":{\"type\":\"string\"},\"additionalItems\":false}"))
        .isEqualTo(canonical("{" + D2020 + ",\"items\":{\"type\":\"string\"}}"));
  }

  @Test
  void dependenciesSplitIntoDependentRequiredAndDependentSchemas() {
    assertThat(normalized("{" + D7 + ",\"dependencies\":{\"card\":[\"billing\"],"
        + "\"vip\":{\"required\":[\"tier\"]}}}"))
        .isEqualTo(canonical("{" + D2020 + ",\"dependentRequired\":{\"card\":[\"billing\"]},"
            + "\"dependentSchemas\":{\"vip\":{\"required\":[\"tier\"]}}}"));
  }

  @Test
  void draft4BooleanExclusiveBoundsBecomeNumeric() {
    assertThat(normalized("{" + D4 + ",\"minimum\":0,\"exclusiveMinimum\":true,"
        + "\"maximum\":10,\"exclusiveMaximum\":false}"))
        .isEqualTo(canonical("{" + D2020 + ",\"exclusiveMinimum\":0,\"maximum\":10}"));
  }

  @Test
  void draft4IdBecomesDollarId() {
    assertThat(normalized("{" + D4 + ",\"id\":\"urn:example:a\",\"type\":\"object\"}"))
        .isEqualTo(canonical("{" + D2020 + ",\"$id\":\"urn:example:a\",\"type\":\"object\"}"));
  }

  @Test
  void siblingsOfRefWereIgnoredBefore201909AndAreDropped() {
    assertThat(normalized("{" + D7 + ",\"definitions\":{\"a\":{}},\"properties\":{\"x\":"
        + "{\"$ref\":\"#/definitions/a\",\"type\":\"string\"}}}"))
        .contains("\"x\":{\"$ref\":\"#/$defs/a\"}");
  }

  @Test
  void nestedSchemasAreNormalisedButValuesAreNot() {
    assertThat(normalized("{" + D4 + ",\"properties\":{\"n\":{\"maximum\":3,\"exclusiveMaximum\":true,"
        + "\"default\":{\"exclusiveMaximum\":true,\"definitions\":1}}}}"))
        .contains("\"n\":{\"default\":{\"definitions\":1,\"exclusiveMaximum\":true},\"exclusiveMaximum\":3}");
  }

  @Test
  void draft2020IsUnchangedApartFromLegacyDefinitions() {
    String schema = "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"dependencies\":{\"a\":[\"b\"]}}";
    assertThat(normalized(schema)).isEqualTo(canonical(schema));
  }

  @Test
  void defaultDraftAppliesWithoutSchemaKeyword() {
    JsonNode result = DraftNormalizer.toDraft2020(JSON.readTree("{\"items\":[{\"type\":\"string\"}]}"),
        SpecificationVersion.DRAFT_7);
    assertThat(CanonicalJson.canonicalize(result))
        .isEqualTo(canonical("{" + D2020 + ",\"prefixItems\":[{\"type\":\"string\"}]}"));
  }

  @Test
  void inputIsNotModified() {
    JsonNode input = JSON.readTree("{" + D7 + ",\"definitions\":{\"a\":{}}}");
    String before = CanonicalJson.canonicalize(input);
    DraftNormalizer.toDraft2020(input);
    assertThat(CanonicalJson.canonicalize(input)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[4]", "[5]", "[4,1]", "[]"})
  void normalisedSchemaValidatesLikeTheOriginal(String instance) {
    SchemaEngine engine = SchemaEngine.withDefaults();
    JsonNode original = JSON.readTree("{" + D4 + ",\"type\":\"array\",\"items\":[{\"type\":\"number\","
        + "\"maximum\":5,\"exclusiveMaximum\":true}],\"additionalItems\":false}");
    JsonNode node = JSON.readTree(instance);
    assertThat(engine.compile(DraftNormalizer.toDraft2020(original)).isValid(node))
        .isEqualTo(engine.compile(original).isValid(node));
  }

  @Test
  void unsupportedSchemaKeywordIsRefused() {
    assertThatThrownBy(() -> DraftNormalizer.toDraft2020(JSON.readTree("{\"$schema\":\"http://example.com/s\"}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://example.com/s");
  }
}
