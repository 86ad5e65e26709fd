package org.canonicalregistry.schema.compat;

import java.util.LinkedHashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Keywords the engine does not understand (or knows but cannot compare, such as {@code $dynamicRef}). A change to any
 * of them is reported as breaking both ways, never silently compatible.
 */
final class UnknownKeywordDiff {
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
      if (undecidable && a != null && a.equals(b) && old.document().root().equals(updated.document().root())) {
        continue;
      }
      ctx.report(undecidable ? ChangeKind.UNDECIDABLE_KEYWORD_CHANGED : ChangeKind.UNKNOWN_KEYWORD_CHANGED,
          old.child(k), updated.child(k), "'" + k + "' was " + (a == null ? "absent" : a) + ", now "
              + (b == null ? "absent" : b));
    }
  }
}
