package org.canonicalregistry.schema.compat;

import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Keywords the engine does not understand (or knows but cannot compare, such as {@code $dynamicRef}). A change to any
 * of them is reported as breaking both ways, never silently compatible. The exception is the project's own annotation
 * prefix {@code x-} (see the canonical profile): such keywords are annotations by definition, so their changes are
 * reported as {@link ChangeKind#EXTENSION_ANNOTATION_CHANGED}, which breaks nothing.
 */
final class UnknownKeywordDiff {
  static final String EXTENSION_PREFIX = "x-";

  private UnknownKeywordDiff() {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    Set<String> keys = new LinkedHashSet<>();
    if (old.json().isObject()) {
      keys.addAll(old.json().propertyNames());
    }
    if (updated.json().isObject()) {
      keys.addAll(updated.json().propertyNames());
    }
    for (String k : keys) {
      boolean undecidable = Keywords.UNDECIDABLE.contains(k);
      if (Keywords.known(k) && !undecidable) {
        continue;
      }
      JsonNode a = old.get(k);
      JsonNode b = updated.get(k);
      if (a != null && a.equals(b) && !undecidable) {
        continue;
      }
      if (undecidable && a != null && a.equals(b) && ctx.sameDocuments(old.document(), updated.document())) {
        continue;
      }
      ChangeKind kind = undecidable ? ChangeKind.UNDECIDABLE_KEYWORD_CHANGED
          : k.startsWith(EXTENSION_PREFIX) ? ChangeKind.EXTENSION_ANNOTATION_CHANGED : ChangeKind.UNKNOWN_KEYWORD_CHANGED;
      ctx.report(kind,
          old.child(k), updated.child(k), "'" + k + "' was " + (a == null ? "absent" : a) + ", now "
              + (b == null ? "absent" : b));
    }
  }
}
