package org.canonicalregistry.registry.schema;

import java.time.ZoneOffset;
import java.util.List;

import org.canonicalregistry.registry.api.model.SchemaVersionSummary;
import org.canonicalregistry.registry.api.model.VersionReference;
import org.canonicalregistry.schema.SchemaReference;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

/**
 * Converts the schema feature's records to the generated wire models. The stored canonical JSON goes out
 * verbatim (as a raw value, never re-serialised), so the bytes a client receives hash to the advertised
 * fingerprint.
 */
final class SchemaVersionRepresentation {

    private SchemaVersionRepresentation() {
    }

    static org.canonicalregistry.registry.api.model.SchemaVersion toApi(SchemaVersion version) {
        return new org.canonicalregistry.registry.api.model.SchemaVersion()
                .entity(version.entity())
                .version(version.version())
                .major(version.major())
                .minor(version.minor())
                .globalId(version.globalId())
                .fingerprint(version.fingerprint())
                .state(org.canonicalregistry.registry.api.model.SchemaState.fromValue(version.state().name()))
                .sunsetDate(version.sunsetDate())
                .replacement(version.replacement())
                .references(references(version.references()))
                .schema(canonical(version))
                .createdAt(version.createdAt().atOffset(ZoneOffset.UTC))
                .createdBy(version.createdBy())
                .reason(emptyToNull(version.reason()));
    }

    static SchemaVersionSummary toSummary(SchemaVersion version) {
        return new SchemaVersionSummary()
                .entity(version.entity())
                .version(version.version())
                .major(version.major())
                .minor(version.minor())
                .globalId(version.globalId())
                .fingerprint(version.fingerprint())
                .state(org.canonicalregistry.registry.api.model.SchemaState.fromValue(version.state().name()))
                .sunsetDate(version.sunsetDate())
                .replacement(version.replacement())
                .references(references(version.references()))
                .createdAt(version.createdAt().atOffset(ZoneOffset.UTC))
                .createdBy(version.createdBy())
                .reason(emptyToNull(version.reason()));
    }

    /** The canonical JSON text as a node that serialises to exactly that text. */
    static JsonNode canonical(SchemaVersion version) {
        return JsonNodeFactory.instance.rawValueNode(new RawValue(version.canonicalJson()));
    }

    private static List<VersionReference> references(List<SchemaReference> references) {
        return references.stream()
                .map(reference -> new VersionReference()
                        .entity(reference.entity())
                        .version(reference.major() + "." + reference.minor()))
                .toList();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
