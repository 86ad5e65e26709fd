package org.canonicalregistry.schema.compat;

import java.util.Objects;

/** The outcome of looking for a witness for one broken direction of one change. */
public sealed interface WitnessSearch permits WitnessSearch.Confirmed, WitnessSearch.NotFound {

  /** The direction the search tried to prove. */
  Breaks direction();

  /** The real validator accepted the instance under one schema and rejected it under the other. */
  record Confirmed(Witness witness) implements WitnessSearch {
    public Confirmed {
      Objects.requireNonNull(witness, "witness");
    }

    @Override
    public Breaks direction() {
      return witness.direction();
    }
  }

  /**
   * No candidate instance was confirmed. The change is still reported as breaking: the engine is conservative, and
   * not finding a witness proves nothing.
   */
  record NotFound(Breaks direction, String reason) implements WitnessSearch {
    public NotFound {
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
