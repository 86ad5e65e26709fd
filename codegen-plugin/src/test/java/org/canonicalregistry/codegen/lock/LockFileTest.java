package org.canonicalregistry.codegen.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockFileTest {

  @TempDir
  Path dir;

  static LockFile sampleLock() {
    List<SchemaSource> sources = SchemaFolder.load(Path.of("../model-definitions/entities"), "1.0");
    long id = 1;
    List<LockedSchema> locked = new java.util.ArrayList<>();
    for (SchemaSource s : sources) {
      locked.add(new LockedSchema(s.entity(), s.version(), id++, s.schema().fingerprint(), "PUBLISHED",
          s.schema().json()));
    }
    return new LockFile(List.of("order@1", "invoice@1.0"), locked);
  }

  @Test
  void writesSortedAndOnlyWhenChanged() throws Exception {
    Path file = dir.resolve("canonical.lock.json");
    assertThat(sampleLock().write(file)).isTrue();
    String first = Files.readString(file);
    assertThat(sampleLock().write(file)).isFalse();
    assertThat(Files.readString(file)).isEqualTo(first);
    assertThat(first.indexOf("\"customer\"")).isLessThan(first.indexOf("\"invoice\""));
    assertThat(first.indexOf("invoice@1.0")).isLessThan(first.indexOf("order@1"));
  }

  @Test
  void readsBackToVerifiedSourcesWithTheRegistryIdentity() {
    Path file = dir.resolve("canonical.lock.json");
    sampleLock().write(file);
    List<SchemaSource> sources = LockFile.read(file).toSources(file);
    assertThat(sources).extracting(SchemaSource::label)
        .containsExactly("customer@1.0", "invoice@1.0", "order@1.0", "product@1.0");
    assertThat(sources.get(0).globalId()).isEqualTo(1L);
  }

  @Test
  void tamperedContentIsDetectedByItsFingerprint() throws Exception {
    Path file = dir.resolve("canonical.lock.json");
    sampleLock().write(file);
    Files.writeString(file, Files.readString(file).replace("\"maxLength\" : 200", "\"maxLength\" : 300"));
    assertThatThrownBy(() -> LockFile.read(file).toSources(file))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("fingerprint mismatch for customer@1.0")
        .hasMessageContaining("canonical:lock");
  }

  @Test
  void malformedJsonNamesTheFile() throws Exception {
    Path file = dir.resolve("canonical.lock.json");
    Files.writeString(file, "{\"lockFormat\": 1, \"schemas\": [");
    assertThatThrownBy(() -> LockFile.read(file))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining(file + " is malformed JSON");
  }

  @Test
  void missingMemberIsNamedWithItsPointer() throws Exception {
    Path file = dir.resolve("canonical.lock.json");
    Files.writeString(file, "{\"lockFormat\": 1, \"schemas\": [{\"entity\": \"customer\", \"version\": \"1.0\"}]}");
    assertThatThrownBy(() -> LockFile.read(file))
        .hasMessageContaining("malformed at /schemas/0: 'globalId' is missing");
  }

  @Test
  void missingFileTellsHowToCreateIt() {
    assertThatThrownBy(() -> LockFile.read(dir.resolve("nope.json")))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("canonical:lock");
  }

  @Test
  void theCanonicalFormTheRegistryServesGeneratesTheSameCodeAsTheAuthoredFile() {
    List<SchemaSource> folder = SchemaFolder.load(Path.of("../model-definitions/entities"), "1.0");
    List<LockedSchema> canonical = new java.util.ArrayList<>();
    for (SchemaSource s : folder) {
      canonical.add(new LockedSchema(s.entity(), s.version(), -1, s.schema().fingerprint(), "PUBLISHED",
          tools.jackson.databind.json.JsonMapper.shared().readTree(s.schema().canonicalJson())));
    }
    Path file = dir.resolve("canonical.lock.json");
    new LockFile(List.of(), canonical).write(file);
    org.canonicalregistry.codegen.generator.JavaGenerator generator =
        new org.canonicalregistry.codegen.generator.JavaGenerator(
            org.canonicalregistry.codegen.generator.GeneratorOptions.defaults());
    assertThat(generator.generate(LockFile.read(file).toSources(file))).isEqualTo(generator.generate(folder));
  }
}
