package org.canonicalregistry.runtime;

import java.util.Objects;

/**
 * What a destination flow reads: one major line of an entity, from a minimum minor on (its reader was built for
 * {@code entity@major.minMinor}).
 *
 * @param flowId   the registry flow id
 * @param entity   entity name
 * @param major    pinned major line
 * @param minMinor the reader's own minor
 */
public record FlowPin(String flowId, String entity, int major, int minMinor) {
  public FlowPin {
    Objects.requireNonNull(flowId, "flowId");
    Objects.requireNonNull(entity, "entity");
    if (major < 0 || minMinor < 0) {
      throw new IllegalArgumentException("pinned version " + major + "." + minMinor + " is negative");
    }
  }

  /** @return {@code entity@major.minMinor} */
  public String reader() {
    return entity + "@" + major + "." + minMinor;
  }
}
