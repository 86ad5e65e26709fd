package org.canonicalregistry.registry.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.canonicalregistry.schema.SchemaReference;

/**
 * One immutable, published version of an entity's schema, e.g. {@code customer@2.3}.
 *
 * @param entity entity name; never null
 * @param major at least 1
 * @param minor at least 0
 * @param globalId unique across the registry and never reused (from a database sequence); positive
 * @param canonicalJson the schema's canonical JSON text (schema-core's canonical form); never null
 * @param fingerprint lowercase hex SHA-256 of {@code canonicalJson}'s UTF-8; never null
 * @param state never null
 * @param sunsetDate when a DEPRECATED version is planned to retire; null otherwise
 * @param replacement the version that replaces a deprecated one ({@code entity@M.m}); null otherwise
 * @param deprecatedAt when it was deprecated (kept when retired); null while PUBLISHED
 * @param references other entities' versions this schema refers to ({@code urn:canonical:…}), sorted; never null
 * @param createdAt when it was registered; never null
 * @param createdBy principal who registered it; never null
 * @param reason why it was registered, possibly empty; never null
 */
public record SchemaVersion(String entity, int major, int minor, long globalId, String canonicalJson,
                            String fingerprint, SchemaState state, LocalDate sunsetDate, String replacement,
                            Instant deprecatedAt,
                            List<SchemaReference> references, Instant createdAt, String createdBy, String reason) {

    static final Comparator<SchemaReference> REFERENCE_ORDER = Comparator.comparing(SchemaReference::entity)
            .thenComparingInt(SchemaReference::major)
            .thenComparingInt(SchemaReference::minor);

    public SchemaVersion {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(reason, "reason");
        if (major < 1 || minor < 0) {
            throw new IllegalArgumentException("version " + major + "." + minor + " is out of range");
        }
        references = references.stream().sorted(REFERENCE_ORDER).toList();
    }

    /** {@code "M.m"}, e.g. {@code "2.3"}. */
    public String version() {
        return major + "." + minor;
    }

    /** {@code "entity@M.m"}, e.g. {@code "customer@2.3"}. */
    public String coordinates() {
        return entity + "@" + version();
    }

    /** The registry reference URI other schemas use for this version: {@code urn:canonical:entity:M.m}. */
    public String urn() {
        return "urn:canonical:" + entity + ":" + version();
    }
}
