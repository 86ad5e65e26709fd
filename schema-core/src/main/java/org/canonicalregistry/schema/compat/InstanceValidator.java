package org.canonicalregistry.schema.compat;

import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Compiles a schema with the real validator; the returned predicate says whether an instance is valid. */
@FunctionalInterface
interface InstanceValidator {
  /** @throws RuntimeException when the validator refuses the schema */
  Predicate<JsonNode> compile(JsonNode schema);
}
