package org.canonicalregistry.codegen.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.canonicalregistry.codegen.generator.GeneratorOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalGenerationTest {

  @TempDir
  Path dir;
  Path schemas;
  Path out;
  Path state;
  GenerationInput input;

  @BeforeEach
  void copySchemas() throws Exception {
    schemas = Files.createDirectories(dir.resolve("entities"));
    for (String e : new String[] {"customer", "order", "product", "invoice"}) {
      Files.copy(Path.of("../model-definitions/entities", e + ".schema.json"),
          schemas.resolve(e + ".schema.json"));
    }
    out = dir.resolve("generated");
    state = dir.resolve("state/generate.state");
    input = new GenerationInput.Folder(schemas, "1.0");
  }

  @Test
  void unchangedInputsSkipGeneration() {
    IncrementalGeneration.Result first = run(GeneratorOptions.defaults());
    assertThat(first.skipped()).isFalse();
    assertThat(first.written()).isEqualTo(first.total()).isPositive();
    IncrementalGeneration.Result second = run(GeneratorOptions.defaults());
    assertThat(second.skipped()).isTrue();
    assertThat(second.total()).isEqualTo(first.total());
  }

  @Test
  void aConfigurationChangeRegeneratesButWritesOnlyChangedFiles() throws Exception {
    run(GeneratorOptions.defaults());
    Path enumFile = out.resolve("org/canonicalregistry/canonical/customer/v1/Status.java");
    FileTime before = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(enumFile, before);
    IncrementalGeneration.Result r = run(GeneratorOptions.defaults().withBuilders(false));
    assertThat(r.skipped()).isFalse();
    assertThat(r.written()).isPositive();
    assertThat(r.unchanged()).isPositive();
    assertThat(Files.getLastModifiedTime(enumFile)).as("enums have no builder: untouched").isEqualTo(before);
  }

  @Test
  void aSchemaChangeRegeneratesAndRemovesStaleFiles() throws Exception {
    run(GeneratorOptions.defaults());
    Path customer = schemas.resolve("customer.schema.json");
    Files.writeString(customer, Files.readString(customer).replace("\"personName\"", "\"humanName\"")
        .replace("#/$defs/personName", "#/$defs/humanName"));
    IncrementalGeneration.Result r = run(GeneratorOptions.defaults());
    assertThat(r.skipped()).isFalse();
    assertThat(r.deleted()).isEqualTo(1);
    assertThat(out.resolve("org/canonicalregistry/canonical/customer/v1/PersonName.java")).doesNotExist();
    assertThat(out.resolve("org/canonicalregistry/canonical/customer/v1/HumanName.java")).exists();
  }

  @Test
  void aDeletedOutputFileIsRegenerated() throws Exception {
    run(GeneratorOptions.defaults());
    Files.delete(out.resolve("org/canonicalregistry/canonical/customer/v1/Customer.java"));
    IncrementalGeneration.Result r = run(GeneratorOptions.defaults());
    assertThat(r.skipped()).isFalse();
    assertThat(r.written()).isEqualTo(1);
  }

  private IncrementalGeneration.Result run(GeneratorOptions options) {
    return IncrementalGeneration.run(input, options, "test", out, state);
  }
}
