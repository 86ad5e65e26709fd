package org.canonicalregistry.schema.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Shared comparison of count bounds ({@code minLength}, {@code maxItems}, {@code minProperties}…). */
final class Bounds {
  private Bounds() {
  }

  /** A lower count bound; absent means {@code absentValue} (0, or 1 for {@code minContains}). */
  static void lower(DiffContext ctx, SchemaNode old, SchemaNode updated, String keyword, int absentValue,
                    ChangeKind increased, ChangeKind decreased, IntFunction<Hint> hint) {
    Integer a = JsonValues.count(old.get(keyword));
    Integer b = JsonValues.count(updated.get(keyword));
    int x = a == null ? absentValue : a;
    int y = b == null ? absentValue : b;
    if (x == y) {
      return;
    }
    ctx.report(y > x ? increased : decreased, old.child(keyword), updated.child(keyword),
        "was " + (a == null ? "none" : a) + ", now " + (b == null ? "none" : b), hints(x, y, hint));
  }

  /** An upper count bound; absent means unbounded. */
  static void upper(DiffContext ctx, SchemaNode old, SchemaNode updated, String keyword, ChangeKind decreased,
                    ChangeKind increased, IntFunction<Hint> hint) {
    Integer a = JsonValues.count(old.get(keyword));
    Integer b = JsonValues.count(updated.get(keyword));
    long x = a == null ? Long.MAX_VALUE : a;
    long y = b == null ? Long.MAX_VALUE : b;
    if (x == y) {
      return;
    }
    int hx = a == null ? (b == null ? 0 : b + 1) : a;
    int hy = b == null ? (a == null ? 0 : a + 1) : b;
    ctx.report(y < x ? decreased : increased, old.child(keyword), updated.child(keyword),
        "was " + (a == null ? "unlimited" : a) + ", now " + (b == null ? "unlimited" : b), hints(hx, hy, hint));
  }

  private static List<Hint> hints(int x, int y, IntFunction<Hint> hint) {
    List<Hint> hints = new ArrayList<>();
    for (int v : new int[] {x, y, x - 1, y - 1, x + 1, y + 1}) {
      if (v >= 0 && v <= 10_000) {
        hints.add(hint.apply(v));
      }
    }
    return hints;
  }
}
