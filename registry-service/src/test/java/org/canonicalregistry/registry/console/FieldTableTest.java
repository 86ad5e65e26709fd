package org.canonicalregistry.registry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.canonicalregistry.registry.console.FieldTable.Field;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FieldTableTest {

    static final JsonMapper JSON = JsonMapper.shared();

    static JsonNode schema(String json) {
        return JSON.readTree(json);
    }

    @Test
    void nestedObjectsAreFlattenedDepthFirstInDocumentOrder() {
        List<Field> fields = FieldTable.of(schema("""
                {"type":"object","required":["id"],"properties":{
                  "id":{"type":"string","format":"uuid","x-classification":"internal"},
                  "address":{"type":"object","required":["city"],"properties":{
                    "city":{"type":"string","description":"Town or city"},
                    "zip":{"type":["string","null"]}}},
                  "age":{"type":"integer"}}}
                """));

        assertThat(fields).extracting(Field::path, Field::depth, Field::name, Field::type, Field::required)
                .containsExactly(
                        tuple("id", 0, "id", "string", true),
                        tuple("address", 0, "address", "object", false),
                        tuple("address.city", 1, "city", "string", true),
                        tuple("address.zip", 1, "zip", "string | null", false),
                        tuple("age", 0, "age", "integer", false));
        assertThat(fields.get(0)).extracting(Field::format, Field::description, Field::classification)
                .containsExactly("uuid", null, "internal");
        assertThat(fields.get(2).description()).isEqualTo("Town or city");
    }

    @Test
    void anArraysItemFieldsSitBelowItWithBrackets() {
        List<Field> fields = FieldTable.of(schema("""
                {"type":"object","properties":{
                  "tags":{"type":"array","items":{"type":"string"}},
                  "lines":{"type":"array","items":{"type":"object","required":["sku"],"properties":{
                    "sku":{"type":"string"},"qty":{"type":"integer","minimum":1}}}}}}
                """));

        assertThat(fields).extracting(Field::path, Field::depth, Field::type, Field::required).containsExactly(
                tuple("tags", 0, "array of string", false),
                tuple("lines", 0, "array of object", false),
                tuple("lines[].sku", 1, "string", true),
                tuple("lines[].qty", 1, "integer", false));
    }

    @Test
    void aLocalReferenceShowsTheDefinitionsNameAndExpandsItsFields() {
        List<Field> fields = FieldTable.of(schema("""
                {"type":"object","properties":{
                  "home":{"$ref":"#/$defs/Address"},
                  "work":{"$ref":"#/definitions/Address"},
                  "previous":{"type":"array","items":{"$ref":"#/$defs/Address"}}},
                 "$defs":{"Address":{"type":"object","required":["city"],"properties":{"city":{"type":"string"}}}},
                 "definitions":{"Address":{"type":"object","properties":{"street":{"type":"string"}}}}}
                """));

        assertThat(fields).extracting(Field::path, Field::type, Field::required).containsExactly(
                tuple("home", "Address", false),
                tuple("home.city", "string", true),
                tuple("work", "Address", false),
                tuple("work.street", "string", false),
                tuple("previous", "array of Address", false),
                tuple("previous[].city", "string", true));
    }

    @Test
    void aSelfRecursiveDefinitionIsExpandedOnceOnEachPath() {
        List<Field> fields = FieldTable.of(schema("""
                {"$ref":"#/$defs/Node","$defs":{"Node":{"type":"object","properties":{
                  "name":{"type":"string"},
                  "parent":{"$ref":"#/$defs/Node"},
                  "children":{"type":"array","items":{"$ref":"#/$defs/Node"}}}}}}
                """));

        assertThat(fields).extracting(Field::path, Field::type).containsExactly(
                tuple("name", "string"),
                tuple("parent", "Node"),
                tuple("children", "array of Node"));
    }

    @Test
    void mutuallyRecursiveDefinitionsEnd() {
        List<Field> fields = FieldTable.of(schema("""
                {"type":"object","properties":{"a":{"$ref":"#/$defs/A"}},"$defs":{
                  "A":{"type":"object","properties":{"b":{"$ref":"#/$defs/B"}}},
                  "B":{"type":"object","properties":{"a":{"$ref":"#/$defs/A"}}}}}
                """));

        assertThat(fields).extracting(Field::path).containsExactly("a", "a.b", "a.b.a");
    }

    @Test
    void referencesToOtherEntitiesOrDocumentsAreShownAsWrittenAndNotFollowed() {
        List<Field> fields = FieldTable.of(schema("""
                {"type":"object","properties":{
                  "customer":{"$ref":"customer@1.0"},
                  "remote":{"$ref":"https://example.org/x.json#/$defs/Y"},
                  "sibling":{"$ref":"#/properties/customer"},
                  "missing":{"$ref":"#/$defs/Nope"}}}
                """));

        assertThat(fields).extracting(Field::path, Field::type).containsExactly(
                tuple("customer", "customer@1.0"),
                tuple("remote", "https://example.org/x.json#/$defs/Y"),
                tuple("sibling", "#/properties/customer"),
                tuple("missing", "Nope"));
    }

    @Test
    void enumsConstsAndAlternativesReadAsText() {
        List<Field> fields = FieldTable.of(schema("""
                {"type":"object","properties":{
                  "status":{"enum":["active","closed",3,null]},
                  "kind":{"const":"person"},
                  "id":{"oneOf":[{"type":"string"},{"type":"integer"},{"$ref":"#/$defs/Id"}]},
                  "tag":{"anyOf":[{"type":"string"},{"type":"null"}]},
                  "anything":{},
                  "never":false}}
                """));

        assertThat(fields).extracting(Field::path, Field::type).containsExactly(
                tuple("status", "enum: active, closed, 3, null"),
                tuple("kind", "const: person"),
                tuple("id", "one of: string, integer, Id"),
                tuple("tag", "any of: string, null"),
                tuple("anything", "any"),
                tuple("never", "nothing"));
    }

    @Test
    void descriptionsAreReturnedVerbatimForTheTemplateToEscape() {
        List<Field> fields = FieldTable.of(schema("""
                {"properties":{"note":{"type":"string","description":"<script>alert('x') & \\"y\\"</script>"}}}
                """));

        assertThat(fields.get(0).description()).isEqualTo("<script>alert('x') & \"y\"</script>");
    }

    @Test
    void allOfMembersContributeTheirFields() {
        List<Field> fields = FieldTable.of(schema("""
                {"allOf":[{"$ref":"#/$defs/Base"},{"properties":{"extra":{"type":"boolean"}}}],
                 "$defs":{"Base":{"required":["id"],"properties":{"id":{"type":"string"}}}}}
                """));

        assertThat(fields).extracting(Field::path, Field::required)
                .containsExactly(tuple("id", true), tuple("extra", false));
    }

    @Test
    void aSchemaWithoutPropertiesHasNoFields() {
        assertThat(FieldTable.of(schema("{\"type\":\"string\"}"))).isEmpty();
        assertThat(FieldTable.of(schema("true"))).isEmpty();
    }

    @Test
    void rowsAreCappedAtTwoThousand() {
        StringBuilder props = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            props.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"string\"}");
        }

        assertThat(FieldTable.of(schema("{\"properties\":{" + props + "}}"))).hasSize(FieldTable.MAX_ROWS);
    }

    /** However deep the nesting, the table stops at depth 32. */
    @Property(tries = 20)
    void nestingIsCappedAtDepthThirtyTwo(@ForAll @IntRange(min = 1, max = 150) int levels) {
        String json = "{\"type\":\"string\"}";
        for (int i = 0; i < levels; i++) {
            json = "{\"type\":\"object\",\"properties\":{\"n\":" + json + "}}";
        }

        List<Field> fields = FieldTable.of(schema(json));

        assertThat(fields).hasSize(Math.min(levels, FieldTable.MAX_DEPTH));
        assertThat(fields).allSatisfy(f -> assertThat(f.depth()).isLessThan(FieldTable.MAX_DEPTH));
    }

    @Test
    void definitionsThatFanOutWithoutCyclesStayBounded() {
        StringBuilder defs = new StringBuilder();
        for (int level = 0; level < 12; level++) {
            StringBuilder props = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                props.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":{\"$ref\":\"#/$defs/D")
                        .append(level + 1).append("\"}");
            }
            defs.append(level == 0 ? "" : ",").append("\"D").append(level).append("\":{\"properties\":{")
                    .append(props).append("}}");
        }
        String json = "{\"$ref\":\"#/$defs/D0\",\"$defs\":{" + defs + ",\"D12\":{\"type\":\"string\"}}}";

        assertThat(FieldTable.of(schema(json))).hasSize(FieldTable.MAX_ROWS);
    }
}
