package org.canonicalregistry.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.ValidationReport;
import org.canonicalregistry.schema.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/**
 * Every example document against its entity schema, through the same {@link SchemaEngine} the registry
 * uses (registration path, canonical profile, registry references served by {@link EntityFileResolver}).
 * Valid examples must produce no violation; invalid ones must be rejected at the pointer and by the keyword
 * their {@code expected-violations.json} entry names, and nowhere unrelated.
 */
class ExampleValidationTest {

    private static final SchemaEngine ENGINE = SchemaEngine.builder().referenceResolver(new EntityFileResolver()).build();
    private static final Map<String, CanonicalSchema> SCHEMAS = new ConcurrentHashMap<>();

    /** One example file; its display name is {@code <entity>/<valid|invalid>/<name>}. */
    record Example(String entity, String expectation, Path file) {
        String name() {
            return file.getFileName().toString().replaceFirst("\\.json$", "");
        }

        @Override
        public String toString() {
            return entity + "/" + expectation + "/" + name();
        }
    }

    static Stream<Example> validExamples() {
        return examples("valid");
    }

    static Stream<Example> invalidExamples() {
        return examples("invalid");
    }

    private static Stream<Example> examples(String expectation) {
        return ModelFiles.entityNames().stream()
                .flatMap(entity -> ModelFiles.exampleFiles(entity, expectation).stream()
                        .map(file -> new Example(entity, expectation, file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validExamples")
    void validExampleIsAccepted(Example example) {
        CanonicalSchema schema = schemaOf(example.entity());
        JsonNode instance = ENGINE.parseInstance(ModelFiles.read(example.file()));

        ValidationReport report = schema.compiled().validate(instance);

        assertThat(report.violations()).as("violations of %s", example).isEmpty();
        assertThat(report.valid()).isTrue();
        assertThat(schema.compiled().isValid(instance)).as("fail-fast check agrees").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void invalidExampleIsRejectedForItsStatedReason(Example example) {
        ExpectedViolation expected = ExpectedViolation.of(example.entity()).get(example.name());
        assertThat(expected).as("entry for %s in expected-violations.json", example.name()).isNotNull();
        CanonicalSchema schema = schemaOf(example.entity());
        JsonNode instance = ENGINE.parseInstance(ModelFiles.read(example.file()));

        ValidationReport report = schema.compiled().validate(instance);

        assertThat(report.valid()).as("%s must be rejected", example).isFalse();
        assertThat(schema.compiled().isValid(instance)).as("fail-fast check agrees").isFalse();
        assertThat(report.violations())
                .as("a '%s' violation at %s", expected.keyword(), expected.at())
                .anySatisfy(violation -> {
                    assertThat(violation.keyword()).isEqualTo(expected.keyword());
                    assertThat(expected.covers(violation.instancePath())).as("instance path %s", violation.instancePath()).isTrue();
                });
        assertThat(report.violations())
                .as("no violation unrelated to %s", expected.at())
                .extracting(Violation::instancePath)
                .allSatisfy(path -> assertThat(expected.relatedTo(path)).as("instance path %s", path).isTrue());
    }

    private static CanonicalSchema schemaOf(String entity) {
        return SCHEMAS.computeIfAbsent(entity, name -> ENGINE.load(ModelFiles.read(ModelFiles.schemaFile(name))));
    }
}
