package org.canonicalregistry.codegen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One golden case per mapping feature: the schemas under {@code golden/<case>/schemas} must generate exactly the
 * files under {@code golden/<case>/expected}, compared whole. To accept a deliberate change, run with
 * {@code -Dgolden.update=true} and review the diff.
 */
class GoldenFileTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final GeneratorOptions PLAIN = GeneratorOptions.defaults().withBuilders(false);

  static Stream<Arguments> cases() {
    Map<String, UnaryOperator<GeneratorOptions>> cases = new TreeMap<>(Map.of(
        "record", o -> o,
        "nested", o -> o,
        "enum", o -> o,
        "sealed-oneof", o -> o,
        "nullable", o -> o,
        "formats", o -> o,
        "references", o -> o,
        "defaults", o -> o,
        "collections", o -> o,
        "builders", o -> o.withBuilders(true)));
    cases.put("annotations", o -> o.withJspecify(true).withValidation(true));
    return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesExactlyTheExpectedSources(String name, UnaryOperator<GeneratorOptions> options) throws IOException {
    Path dir = GOLDEN.resolve(name);
    List<GeneratedFile> files = new JavaGenerator(options.apply(PLAIN))
        .generate(SchemaFolder.load(dir.resolve("schemas"), "1.0"));
    Path expectedDir = dir.resolve("expected");
    if (Boolean.getBoolean("golden.update")) {
      for (GeneratedFile f : files) {
        Path target = expectedDir.resolve(f.path());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.content(), StandardCharsets.UTF_8);
      }
    }
    Map<String, String> expected;
    try (Stream<Path> walk = Files.walk(expectedDir)) {
      expected = walk.filter(Files::isRegularFile).collect(Collectors.toMap(
          p -> expectedDir.relativize(p).toString().replace('\\', '/'), GoldenFileTest::read, (a, b) -> a,
          TreeMap::new));
    }
    Map<String, String> actual = files.stream()
        .collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a, TreeMap::new));
    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
    actual.forEach((path, content) -> assertThat(content).as(path).isEqualTo(expected.get(path)));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
