package org.canonicalregistry.schema.compat;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A concrete instance that proves a change breaks a direction: the real validator accepted it under one schema and
 * rejected it under the other.
 *
 * @param direction {@link Breaks#BACKWARD} (accepted by the old schema, rejected by the new) or {@link Breaks#FORWARD}
 *                  (accepted by the new schema, rejected by the old)
 * @param instance  the instance (a defensive copy is kept)
 */
public record Witness(Breaks direction, JsonNode instance) {

  public Witness {
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(instance, "instance");
    if (direction != Breaks.BACKWARD && direction != Breaks.FORWARD) {
      throw new IllegalArgumentException("a witness proves exactly one direction, got " + direction);
    }
    instance = instance.deepCopy();
  }

  /** "old" or "new": the version that accepts the instance. */
  public String acceptedBy() {
    return direction == Breaks.BACKWARD ? "old" : "new";
  }

  /** "old" or "new": the version that rejects the instance. */
  public String rejectedBy() {
    return direction == Breaks.BACKWARD ? "new" : "old";
  }

  @Override
  public JsonNode instance() {
    return instance.deepCopy();
  }
}
