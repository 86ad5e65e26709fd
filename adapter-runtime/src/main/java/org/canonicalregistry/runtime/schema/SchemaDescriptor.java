package org.canonicalregistry.runtime.schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.canonicalregistry.schema.SchemaReference;

import tools.jackson.databind.JsonNode;

/**
 * One published schema version as a {@link SchemaSource} answers it: identity, content and state.
 *
 * @param entity      entity name, e.g. {@code customer}
 * @param major       major line
 * @param minor       minor version inside the line
 * @param globalId    the registry's global id (local sources derive a stable one from the fingerprint)
 * @param fingerprint SHA-256 hex of the canonical schema
 * @param state       lifecycle state
 * @param sunset      announced retirement date of a DEPRECATED version, or null
 * @param references  registry references ({@code urn:canonical:}) the schema uses, copied
 * @param schema      the schema document (treat as read-only)
 */
public record SchemaDescriptor(String entity, int major, int minor, long globalId, String fingerprint,
                               VersionState state, LocalDate sunset, List<SchemaReference> references,
                               JsonNode schema) {
  public SchemaDescriptor {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(schema, "schema");
    references = List.copyOf(references);
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("version " + major + "." + minor + " of " + entity + " is negative");
    }
  }

  /** @return {@code entity@MAJOR.MINOR} */
  public String label() {
    return entity + "@" + major + "." + minor;
  }

  /** @return {@code MAJOR.MINOR} */
  public String version() {
    return major + "." + minor;
  }

  /** @return the same version in another state (the registry changes states, never content) */
  public SchemaDescriptor withState(VersionState newState, LocalDate newSunset) {
    return new SchemaDescriptor(entity, major, minor, globalId, fingerprint, newState, newSunset, references, schema);
  }
}
