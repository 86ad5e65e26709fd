package org.canonicalregistry.codegen.check;

import java.util.List;
import java.util.Objects;

/**
 * The check of one local schema.
 *
 * @param entity   entity name
 * @param baseline what it was compared with ({@code customer@1.2}), or null when there is nothing to compare
 * @param outcome  the verdict
 * @param findings the typed changes, empty when unchanged
 */
public record EntityVerdict(String entity, String baseline, Outcome outcome, List<Finding> findings) {

  /** How a local schema relates to its locked or registered version. */
  public enum Outcome {
    /** Same fingerprint as the baseline. */
    UNCHANGED(false),
    /** No baseline: a new entity (registry) or one the lock file does not hold (offline). */
    NEW(false),
    /** Changed, and compatible within its major line. */
    COMPATIBLE(false),
    /** Breaking changes, but the schema declares a new major ({@code x-canonical-major}). */
    NEW_MAJOR(false),
    /** Breaking changes within the same major: fails the build. */
    BREAKING(true);

    private final boolean fails;

    Outcome(boolean fails) {
      this.fails = fails;
    }

    public boolean fails() {
      return fails;
    }
  }

  public EntityVerdict {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(outcome, "outcome");
    findings = List.copyOf(findings);
  }

  /** Human-readable lines for the build log. */
  public List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add(entity + ": " + outcome + (baseline == null ? "" : " against " + baseline)
        + (findings.isEmpty() ? "" : " (" + findings.size() + " change" + (findings.size() == 1 ? "" : "s") + ")"));
    for (Finding f : findings) {
      lines.add("  " + (f.breaking() ? "BREAKING " : "         ") + f.kind() + " at " + (f.pointer().isEmpty() ? "/"
          : f.pointer()) + ": " + f.sentence());
      for (String w : f.witnesses()) {
        lines.add("      witness " + w);
      }
    }
    return lines;
  }
}
