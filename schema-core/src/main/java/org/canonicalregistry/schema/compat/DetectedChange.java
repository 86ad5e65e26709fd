package org.canonicalregistry.schema.compat;

import java.util.List;
import java.util.Objects;

/** A change as the differs record it: the public change plus what witness search needs. */
record DetectedChange(SchemaChange change, SchemaNode oldNode, SchemaNode newNode, List<InstanceStep> instancePath,
                      List<Hint> hints) {
  DetectedChange {
    Objects.requireNonNull(change);
    Objects.requireNonNull(oldNode);
    Objects.requireNonNull(newNode);
    instancePath = List.copyOf(instancePath);
    hints = List.copyOf(hints);
  }
}
