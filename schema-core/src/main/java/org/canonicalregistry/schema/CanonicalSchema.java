package org.canonicalregistry.schema;

import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A schema accepted by {@link SchemaEngine#load}: parsed, checked against the meta-schema and the
 * canonical profile, references resolved, compiled.
 *
 * @param json          the parsed document (treat as read-only)
 * @param canonicalJson canonical text, see {@link CanonicalJson#canonicalize}
 * @param fingerprint   lowercase hex SHA-256 of {@code canonicalJson}'s UTF-8 bytes
 * @param references    registry references the schema uses (immutable)
 * @param compiled      ready to validate instances
 */
public record CanonicalSchema(JsonNode json, String canonicalJson, String fingerprint,
                              Set<SchemaReference> references, CompiledSchema compiled) {
  public CanonicalSchema {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(canonicalJson, "canonicalJson");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(compiled, "compiled");
    references = Set.copyOf(references);
  }
}
