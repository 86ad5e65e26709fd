package org.canonicalregistry.schema.compat;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** A mutation a differ suggests for witness search at the change's instance location. */
sealed interface Hint permits Hint.Value, Hint.Remove, Hint.ArrayOfSize, Hint.ObjectOfSize, Hint.StringOfLength,
    Hint.DuplicateElements {

  /** Put this exact value at the location. */
  record Value(JsonNode value) implements Hint {
    public Value {
      Objects.requireNonNull(value);
    }
  }

  /** Remove the property at the location (the last step is a key). */
  record Remove() implements Hint {
  }

  /** An array of this many elements, each valid under the accepting side's item schema where possible. */
  record ArrayOfSize(int size) implements Hint {
  }

  /** An object with this many properties. */
  record ObjectOfSize(int size) implements Hint {
  }

  /** An array holding the same element twice. */
  record DuplicateElements() implements Hint {
  }

  /** A string of this length. */
  record StringOfLength(int length) implements Hint {
  }
}
