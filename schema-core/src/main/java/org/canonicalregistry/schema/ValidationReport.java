package org.canonicalregistry.schema;

import java.util.List;

/**
 * Every violation of one instance against one schema; empty means valid.
 *
 * @param violations immutable, in the validator's evaluation order
 */
public record ValidationReport(List<Violation> violations) {
  public ValidationReport {
    violations = List.copyOf(violations);
  }

  /** @return true when there is no violation */
  public boolean valid() {
    return violations.isEmpty();
  }
}
