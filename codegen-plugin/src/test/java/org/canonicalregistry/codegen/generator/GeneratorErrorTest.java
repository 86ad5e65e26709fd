package org.canonicalregistry.codegen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input is a build error that names the schema, the pointer and, where one exists, the way out. */
class GeneratorErrorTest {

  private static final Path BAD = Path.of("src/test/resources/bad");

  @Test
  void nameCollisionNamesBothSourcesAndTheOverrideOption() {
    List<SchemaSource> sources = SchemaFolder.load(BAD.resolve("collision"), "1.0");
    assertThatThrownBy(() -> new JavaGenerator(GeneratorOptions.defaults()).generate(sources))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("type name Address in package org.canonicalregistry.canonical.shop.v1")
        .hasMessageContaining("shop@1.0#/properties/address")
        .hasMessageContaining("shop@1.0#/$defs/address")
        .hasMessageContaining("typeNames");
  }

  @Test
  void theOverrideOptionResolvesTheCollision() {
    List<SchemaSource> sources = SchemaFolder.load(BAD.resolve("collision"), "1.0");
    List<GeneratedFile> files = new JavaGenerator(GeneratorOptions.defaults()
        .withTypeNames(Map.of("shop#/properties/address", "ShopAddress"))).generate(sources);
    assertThat(files).extracting(GeneratedFile::path).contains(
        "org/canonicalregistry/canonical/shop/v1/ShopAddress.java",
        "org/canonicalregistry/canonical/shop/v1/Address.java");
    assertThat(files).noneMatch(f -> f.content().contains("__") || f.content().contains("Address1"));
  }

  @Test
  void keywordOutsideTheProfileNamesTheSchemaAndPointer() {
    assertThatThrownBy(() -> SchemaFolder.load(BAD.resolve("unsupported-keyword"), "1.0"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("shop.schema.json")
        .hasMessageContaining("KEYWORD_OUTSIDE_PROFILE")
        .hasMessageContaining("/properties/contact/anyOf");
  }

  @Test
  void referenceToAnEntityOutsideTheFolderIsUnknownNeverFetched() {
    assertThatThrownBy(() -> SchemaFolder.load(BAD.resolve("unknown-reference"), "1.0"))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("shop.schema.json")
        .hasMessageContaining("UNKNOWN_REFERENCE")
        .hasMessageContaining("customer@1.0");
  }

  @Test
  void outputIsByteIdenticalAcrossRuns() {
    Path models = Path.of("../model-definitions/entities");
    List<GeneratedFile> first = new JavaGenerator(GeneratorOptions.defaults()).generate(SchemaFolder.load(models, "1.0"));
    List<GeneratedFile> second = new JavaGenerator(GeneratorOptions.defaults()).generate(
        reversed(SchemaFolder.load(models, "1.0")));
    assertThat(second).isEqualTo(first);
    assertThat(first).noneMatch(f -> f.content().matches("(?s).*20[0-9]{2}-[0-9]{2}-[0-9]{2}T.*Generated.*"));
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
