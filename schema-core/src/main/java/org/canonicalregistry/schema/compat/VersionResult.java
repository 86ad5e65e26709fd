package org.canonicalregistry.schema.compat;

import java.util.List;
import java.util.Objects;

/**
 * The candidate checked against one earlier version.
 *
 * @param versionIndex index of the earlier version in the list passed to
 *                     {@link CompatibilityEngine#check(CompatibilityMode, CompatibilityPolicy, tools.jackson.databind.JsonNode, List)}
 * @param compatible   true when no change breaks a direction the mode checks
 * @param changes      every detected change, judged, in a stable order (schema walk order)
 */
public record VersionResult(int versionIndex, boolean compatible, List<JudgedChange> changes) {

  public VersionResult {
    if (versionIndex < 0) {
      throw new IllegalArgumentException("versionIndex must be >= 0, got " + versionIndex);
    }
    changes = List.copyOf(changes);
  }

  /** The changes that make this version incompatible under {@code mode}. */
  public List<JudgedChange> violations(CompatibilityMode mode) {
    Objects.requireNonNull(mode, "mode");
    return changes.stream().filter(c -> mode.violatedBy(c.breaks())).toList();
  }
}
