package org.canonicalregistry.schema;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Looks up another entity's published schema from the registry's own store. The engine calls it for
 * {@code urn:canonical:} references only; it must not fetch anything over the network. Implementations
 * must be thread-safe; returning empty makes the reference {@code UNKNOWN_REFERENCE}.
 */
@FunctionalInterface
public interface ReferenceResolver {

  /**
   * @param ref never null
   * @return the referenced schema document, or empty when the registry does not hold that version
   */
  Optional<JsonNode> resolve(SchemaReference ref);

  /** @return a resolver that knows no entity: every registry reference is unknown */
  static ReferenceResolver none() {
    return ref -> Optional.empty();
  }
}
