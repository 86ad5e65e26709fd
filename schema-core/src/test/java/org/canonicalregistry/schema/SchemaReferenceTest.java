package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaReferenceTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "urn:canonical:customer:1.0, customer, 1, 0",
      "urn:canonical:sales-order:12.3#/$defs/line, sales-order, 12, 3",
      "urn:canonical:a1-b2:0.0, a1-b2, 0, 0"})
  void parsesRegistryReferences(String ref, String entity, int major, int minor) {
    assertThat(SchemaReference.parse(ref)).contains(new SchemaReference(entity, major, minor));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "urn:canonical:Customer:1.0", "urn:canonical:customer:1", "urn:canonical:customer:01.0",
      "urn:canonical:customer:1.0.1", "urn:canonical:-customer:1.0", "urn:canonical:customer-:1.0",
      "urn:canonical:cust--omer:1.0", "urn:canonical::1.0", "https://example.com/customer",
      "#/$defs/a", "urn:canonical:customer:v1.0"})
  void refusesAnythingElse(String ref) {
    assertThat(SchemaReference.parse(ref)).isEmpty();
  }

  @Test
  void entityNameIsAtMost64Characters() {
    String longest = "a".repeat(64);
    assertThat(SchemaReference.parse("urn:canonical:" + longest + ":1.0")).isPresent();
    assertThat(SchemaReference.parse("urn:canonical:" + longest + "b:1.0")).isEmpty();
    assertThatThrownBy(() -> new SchemaReference(longest + "b", 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 64");
  }

  @Test
  void uriAndTextualForms() {
    SchemaReference ref = new SchemaReference("customer", 2, 3);
    assertThat(ref.uri()).isEqualTo(URI.create("urn:canonical:customer:2.3"));
    assertThat(ref).hasToString("customer@2.3");
    assertThat(SchemaReference.parse(ref.uri().toString())).contains(ref);
  }

  @Test
  void parseOfNullIsEmpty() {
    assertThat(SchemaReference.parse(null)).isEmpty();
  }

  @Test
  void negativeVersionsAreRefused() {
    assertThatThrownBy(() -> new SchemaReference("customer", -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void limitsDefaultsAndTwoArgumentForm() {
    assertThat(SchemaLimits.defaults()).isEqualTo(new SchemaLimits(262144, 64, 1048576));
    assertThat(new SchemaLimits(4 * 1024 * 1024, 10).maxInstanceBytes()).isEqualTo(4 * 1024 * 1024);
    assertThat(new SchemaLimits(1024, 10).maxInstanceBytes()).isEqualTo(1048576);
    assertThatThrownBy(() -> new SchemaLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SchemaLimits(10, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
