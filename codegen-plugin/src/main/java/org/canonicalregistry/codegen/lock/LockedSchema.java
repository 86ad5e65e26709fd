package org.canonicalregistry.codegen.lock;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One pinned schema version in {@code canonical.lock.json}.
 *
 * @param entity      entity name
 * @param version     exact {@code MAJOR.MINOR}
 * @param globalId    the registry's global id
 * @param fingerprint SHA-256 of the canonical schema, checked on every offline use
 * @param state       {@code PUBLISHED} or {@code DEPRECATED} when locked
 * @param schema      the schema content
 */
public record LockedSchema(String entity, String version, long globalId, String fingerprint, String state,
                           JsonNode schema) {
  public LockedSchema {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(schema, "schema");
  }

  /** @return {@code entity@version} */
  public String label() {
    return entity + "@" + version;
  }
}
