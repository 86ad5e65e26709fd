package org.canonicalregistry.schema;

import java.util.Objects;

/**
 * One failed assertion of an instance against a schema.
 *
 * @param instancePath   JSON pointer (RFC 6901) into the instance, {@code ""} for the root
 * @param schemaLocation location of the failing keyword in the schema, e.g. {@code #/properties/age/minimum}
 * @param keyword        the failing keyword, e.g. {@code minimum}
 * @param message        human sentence
 */
public record Violation(String instancePath, String schemaLocation, String keyword, String message) {
  public Violation {
    Objects.requireNonNull(instancePath, "instancePath");
    Objects.requireNonNull(schemaLocation, "schemaLocation");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
  }
}
