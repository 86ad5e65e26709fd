package org.canonicalregistry.codegen.check;

import java.util.List;
import java.util.Objects;

/**
 * One typed change between a local schema and its baseline.
 *
 * @param kind      the change kind from schema-core's catalogue, e.g. {@code PROPERTY_REMOVED}
 * @param pointer   JSON pointer of the change (in the new schema, else the old one)
 * @param breaking  whether it breaks the checked compatibility mode
 * @param sentence  one plain sentence
 * @param witnesses instances proving the break, each as "JSON (accepted by X, rejected by Y)"
 */
public record Finding(String kind, String pointer, boolean breaking, String sentence, List<String> witnesses) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sentence, "sentence");
    pointer = pointer == null ? "" : pointer;
    witnesses = List.copyOf(witnesses);
  }
}
