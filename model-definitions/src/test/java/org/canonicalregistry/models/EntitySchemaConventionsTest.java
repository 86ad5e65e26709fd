package org.canonicalregistry.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * House rules for canonical entity schemas that the JSON Schema meta-schema cannot express: every property
 * says what it means, every free string is bounded, the document is draft 2020-12 without an {@code $id}
 * (the registry assigns identity), and every entity ships enough examples. The canonical-profile keyword
 * check itself is the schema engine's job ({@code EntitySchemaTest}).
 */
class EntitySchemaConventionsTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> CLASSIFICATIONS = Set.of("PUBLIC", "INTERNAL", "CONFIDENTIAL", "PII");
    private static final int MIN_VALID_EXAMPLES = 3;
    private static final int MIN_INVALID_EXAMPLES = 4;

    static List<String> entities() {
        return ModelFiles.entityNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void isDraft202012WithTitleAndNoId(String entity) {
        JsonNode schema = schema(entity);
        assertThat(schema.path("$schema").asString()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("title").asString()).isNotBlank();
        assertThat(schema.path("description").asString()).isNotBlank();
        assertThat(schema.has("$id")).as("$id (the registry assigns identity)").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void everyPropertyHasADescription(String entity) {
        assertThat(subschemas(schema(entity)))
                .filteredOn(located -> located.pointer().contains("/properties/"))
                .filteredOn(located -> parentKeyword(located.pointer()).equals("properties"))
                .allSatisfy(located -> assertThat(located.node().path("description").asString())
                        .as("description at %s", located.pointer()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void everyFreeStringHasAMaxLength(String entity) {
        // The hub bounds message size anyway; a maxLength documents what consumers must be able to store.
        assertThat(subschemas(schema(entity)))
                .filteredOn(located -> located.node().path("type").asString("").equals("string"))
                .filteredOn(located -> !located.node().has("enum") && !located.node().has("const"))
                .allSatisfy(located -> assertThat(located.node().has("maxLength"))
                        .as("maxLength at %s", located.pointer()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void classificationsUseTheAgreedLevels(String entity) {
        assertThat(subschemas(schema(entity)))
                .filteredOn(located -> located.node().has("x-classification"))
                .allSatisfy(located -> assertThat(located.node().get("x-classification").asString())
                        .as("x-classification at %s", located.pointer()).isIn(CLASSIFICATIONS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void shipsEnoughValidAndInvalidExamples(String entity) {
        assertThat(ModelFiles.exampleFiles(entity, "valid")).as("valid examples").hasSizeGreaterThanOrEqualTo(MIN_VALID_EXAMPLES);
        assertThat(ModelFiles.exampleFiles(entity, "invalid")).as("invalid examples").hasSizeGreaterThanOrEqualTo(MIN_INVALID_EXAMPLES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void everyInvalidExampleStatesWhereAndWhyItFails(String entity) {
        Map<String, ExpectedViolation> expected = ExpectedViolation.of(entity);
        List<String> invalidNames = ModelFiles.exampleFiles(entity, "invalid").stream()
                .map(path -> path.getFileName().toString().replaceFirst("\\.json$", ""))
                .toList();
        assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(invalidNames);
    }

    private static JsonNode schema(String entity) {
        return JsonMapper.shared().readTree(ModelFiles.read(ModelFiles.schemaFile(entity)));
    }

    private static String parentKeyword(String pointer) {
        String parent = pointer.substring(0, pointer.lastIndexOf('/'));
        return parent.substring(parent.lastIndexOf('/') + 1);
    }

    record Located(String pointer, JsonNode node) {
    }

    /** Every subschema reachable through the applicator keywords the canonical profile allows, with its pointer. */
    static List<Located> subschemas(JsonNode root) {
        List<Located> found = new ArrayList<>();
        collect(root, "", found);
        return found;
    }

    private static void collect(JsonNode node, String pointer, List<Located> found) {
        if (!node.isObject()) {
            return;
        }
        found.add(new Located(pointer, node));
        for (String keyword : List.of("properties", "$defs")) {
            JsonNode members = node.get(keyword);
            if (members != null && members.isObject()) {
                for (Map.Entry<String, JsonNode> member : members.properties()) {
                    collect(member.getValue(), pointer + "/" + keyword + "/" + escape(member.getKey()), found);
                }
            }
        }
        for (String keyword : List.of("items", "additionalProperties")) {
            JsonNode child = node.get(keyword);
            if (child != null) {
                collect(child, pointer + "/" + keyword, found);
            }
        }
        for (String keyword : List.of("oneOf", "allOf")) {
            JsonNode branches = node.get(keyword);
            if (branches != null && branches.isArray()) {
                for (int i = 0; i < branches.size(); i++) {
                    collect(branches.get(i), pointer + "/" + keyword + "/" + i, found);
                }
            }
        }
    }

    private static String escape(String name) {
        return JsonPointer.empty().appendProperty(name).toString().substring(1);
    }
}
