package org.canonicalregistry.codegen.generator;

import java.util.Objects;
import org.canonicalregistry.schema.CanonicalSchema;

/**
 * One entity version to generate from: a schema accepted by schema-core's {@code SchemaEngine.load}, with the
 * identity the registry (or the lock file, or a local folder) gives it.
 *
 * @param entity   lower-kebab entity name, e.g. {@code customer}
 * @param version  {@code MAJOR.MINOR}, e.g. {@code 1.0}
 * @param globalId the registry's global id, {@code -1} when the schema comes from a local folder
 * @param schema   the loaded schema; its {@link CanonicalSchema#fingerprint()} is stamped into the generated types
 * @param origin   where the schema came from, for messages (a file path or {@code canonical.lock.json})
 */
public record SchemaSource(String entity, String version, long globalId, CanonicalSchema schema, String origin) {

  public SchemaSource {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(origin, "origin");
    if (!version.matches("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})")) {
      throw new IllegalArgumentException("version of " + entity + " must be MAJOR.MINOR, was '" + version + "'");
    }
  }

  /** @return the major version, which names the generated package ({@code v1}) */
  public int major() {
    return Integer.parseInt(version.substring(0, version.indexOf('.')));
  }

  /** @return the minor version */
  public int minor() {
    return Integer.parseInt(version.substring(version.indexOf('.') + 1));
  }

  /** @return {@code entity@version}, the form used in messages */
  public String label() {
    return entity + "@" + version;
  }
}
