package org.canonicalregistry.schema.compat;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one compatibility check.
 *
 * @param mode       the mode checked
 * @param policy     the policy that judged the changes
 * @param compatible true when every checked version is compatible (always true for {@link CompatibilityMode#NONE}
 *                   and when there is no earlier version)
 * @param versions   one result per checked earlier version, oldest first (only the latest for non-transitive modes)
 */
public record CompatibilityReport(CompatibilityMode mode, CompatibilityPolicy policy, boolean compatible,
                                  List<VersionResult> versions) {

  public CompatibilityReport {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(policy, "policy");
    versions = List.copyOf(versions);
    if (compatible != versions.stream().allMatch(VersionResult::compatible)) {
      throw new IllegalArgumentException("verdict disagrees with the per-version results");
    }
  }

  /** Every change that breaks a direction the mode checks, across all checked versions. */
  public List<JudgedChange> violations() {
    return versions.stream().flatMap(v -> v.violations(mode).stream()).toList();
  }
}
