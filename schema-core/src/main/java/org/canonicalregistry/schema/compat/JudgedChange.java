package org.canonicalregistry.schema.compat;

import java.util.List;
import java.util.Objects;

/**
 * A change as judged by one policy, with the witness searches for each direction it breaks.
 *
 * @param change    the detected change
 * @param breaks    the directions it breaks under the policy of the check
 * @param witnesses one entry per broken direction when witnesses were requested, otherwise empty
 */
public record JudgedChange(SchemaChange change, Breaks breaks, List<WitnessSearch> witnesses) {

  public JudgedChange {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(breaks, "breaks");
    witnesses = List.copyOf(witnesses);
  }

  /** The plain sentence, with "no witness found" appended where a search came back empty. */
  public String sentence() {
    StringBuilder s = new StringBuilder(change.sentence());
    for (WitnessSearch w : witnesses) {
      if (w instanceof WitnessSearch.NotFound nf) {
        s.append(" No witness found for ").append(nf.direction().name().toLowerCase(java.util.Locale.ROOT))
            .append(" (").append(nf.reason()).append(").");
      }
    }
    return s.toString();
  }
}
