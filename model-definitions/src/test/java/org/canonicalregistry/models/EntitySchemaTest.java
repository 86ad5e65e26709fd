package org.canonicalregistry.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaReference;
import org.canonicalregistry.schema.SchemaRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every entity schema passes the registry's registration path: meta-schema, canonical profile, bounds,
 * regex safety, and registry references that resolve. A keyword outside the profile therefore fails this
 * module's build, not the registry's first-start import.
 */
class EntitySchemaTest {

    private static final SchemaEngine ENGINE = SchemaEngine.builder().referenceResolver(new EntityFileResolver()).build();

    static List<String> entities() {
        return ModelFiles.entityNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void loadsUnderTheCanonicalProfile(String entity) {
        CanonicalSchema schema = ENGINE.load(ModelFiles.read(ModelFiles.schemaFile(entity)));

        assertThat(schema.fingerprint()).matches("[0-9a-f]{64}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entities")
    void reportsEveryRegistryReferenceItUses(String entity) {
        JsonNode json = tree(entity);
        Set<SchemaReference> written = new HashSet<>();
        collectRegistryReferences(json, written);

        CanonicalSchema schema = ENGINE.load(ModelFiles.read(ModelFiles.schemaFile(entity)));

        assertThat(schema.references()).containsAll(written);
        assertThat(schema.references()).allSatisfy(reference -> {
            assertThat(ModelFiles.entityNames()).contains(reference.entity());
            assertThat(reference.major()).isEqualTo(EntityFileResolver.MAJOR);
            assertThat(reference.minor()).isEqualTo(EntityFileResolver.MINOR);
        });
    }

    @Test
    void orderAndInvoiceReferToTheEntitiesTheyEmbed() {
        // Guards the scan above against finding nothing: the model's design is that order and invoice
        // reuse customer, product and order through registry references rather than copies.
        Set<SchemaReference> orderRefs = new HashSet<>();
        collectRegistryReferences(tree("order"), orderRefs);
        Set<SchemaReference> invoiceRefs = new HashSet<>();
        collectRegistryReferences(tree("invoice"), invoiceRefs);

        assertThat(orderRefs).extracting(SchemaReference::entity).containsExactlyInAnyOrder("customer", "product");
        assertThat(invoiceRefs).extracting(SchemaReference::entity).containsExactlyInAnyOrder("customer", "order");
    }

    @Test
    void keywordOutsideTheProfileFailsTheModelBuild() {
        ObjectNode customer = (ObjectNode) tree("customer");
        ((ObjectNode) customer.get("properties").get("taxId"))
                .putObject("not").put("const", "");

        assertThatExceptionOfType(SchemaRejectedException.class)
                .isThrownBy(() -> ENGINE.load(customer.toString()))
                .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo(SchemaRejectedException.Reason.KEYWORD_OUTSIDE_PROFILE));
    }

    @Test
    void referenceToAVersionThatDoesNotExistFailsTheModelBuild() {
        ObjectNode order = (ObjectNode) tree("order");
        ((ObjectNode) order.get("properties").get("customer")).put("$ref", "urn:canonical:customer:2.0");

        assertThatExceptionOfType(SchemaRejectedException.class)
                .isThrownBy(() -> ENGINE.load(order.toString()))
                .satisfies(rejected -> assertThat(rejected.reason()).isEqualTo(SchemaRejectedException.Reason.UNKNOWN_REFERENCE));
    }

    private static JsonNode tree(String entity) {
        return JsonMapper.shared().readTree(ModelFiles.read(ModelFiles.schemaFile(entity)));
    }

    /** Every {@code $ref} value that parses as a registry reference, anywhere in the document. */
    private static void collectRegistryReferences(JsonNode node, Set<SchemaReference> found) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isString()) {
                SchemaReference.parse(ref.asString()).ifPresent(found::add);
            }
        }
        for (JsonNode child : node) {
            collectRegistryReferences(child, found);
        }
    }
}
