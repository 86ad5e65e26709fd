package org.canonicalregistry.schema;

import tools.jackson.databind.JsonNode;

/**
 * A schema ready to validate instances. Implementations are immutable and thread-safe; validation
 * never fetches anything and never calls the {@link ReferenceResolver} (registry documents were
 * captured when the schema was compiled). Regular expressions run on RE2J in linear time, and all
 * regex evaluations of one call share a one-second budget: past it the instance is reported invalid
 * (fail closed), never accepted.
 */
public interface CompiledSchema {

  /**
   * Fail-fast check.
   *
   * @param instance not null (use {@code NullNode} for JSON null)
   * @return true when the instance is valid
   */
  boolean isValid(JsonNode instance);

  /**
   * Full check.
   *
   * @param instance not null
   * @return all violations, each with instance pointer, schema location and keyword
   */
  ValidationReport validate(JsonNode instance);
}
