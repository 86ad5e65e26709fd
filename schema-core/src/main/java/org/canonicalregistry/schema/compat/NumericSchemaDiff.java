package org.canonicalregistry.schema.compat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code minimum}, {@code exclusiveMinimum}, {@code maximum}, {@code exclusiveMaximum}, {@code multipleOf}. The two
 * lower (upper) bounds combine into one effective bound; when both versions admit only integers, exclusive bounds are
 * turned into inclusive ones ({@code exclusiveMinimum: 4} equals {@code minimum: 5}).
 */
final class NumericSchemaDiff {
  private NumericSchemaDiff() {
  }

  /** An effective bound; {@code value == null} means unbounded. */
  private record Bound(BigDecimal value, boolean exclusive, String keyword) {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated, boolean integerOnly) {
    Bound lo = lower(old, integerOnly);
    Bound ln = lower(updated, integerOnly);
    int c = compareLower(ln, lo);
    if (c != 0) {
      ctx.report(c > 0 ? ChangeKind.MINIMUM_INCREASED : ChangeKind.MINIMUM_DECREASED, old.child(lo.keyword()),
          updated.child(ln.keyword()), "was " + render(lo, true) + ", now " + render(ln, true), hints(lo, ln));
    }
    Bound uo = upper(old, integerOnly);
    Bound un = upper(updated, integerOnly);
    c = compareLower(negate(un), negate(uo));
    if (c != 0) {
      ctx.report(c > 0 ? ChangeKind.MAXIMUM_DECREASED : ChangeKind.MAXIMUM_INCREASED, old.child(uo.keyword()),
          updated.child(un.keyword()), "was " + render(uo, false) + ", now " + render(un, false), hints(uo, un));
    }
    multipleOf(ctx, old, updated, integerOnly);
  }

  private static void multipleOf(DiffContext ctx, SchemaNode old, SchemaNode updated, boolean integerOnly) {
    BigDecimal a = positive(JsonValues.number(old.get("multipleOf")));
    BigDecimal b = positive(JsonValues.number(updated.get("multipleOf")));
    if (integerOnly) {
      // every integer is a multiple of 1, 0.5, 0.25...: such a multipleOf constrains no integer
      a = dividesOne(a) ? null : a;
      b = dividesOne(b) ? null : b;
    }
    SchemaNode o = old.child("multipleOf");
    SchemaNode n = updated.child("multipleOf");
    if (a == null && b == null || a != null && b != null && a.compareTo(b) == 0) {
      return;
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<Hint> hints = new ArrayList<>();
    for (BigDecimal v : new BigDecimal[] {a, b}) {
      if (v != null) {
        hints.add(new Hint.Value(f.numberNode(v)));
        hints.add(new Hint.Value(f.numberNode(v.multiply(BigDecimal.valueOf(3)))));
      }
    }
    hints.add(new Hint.Value(f.numberNode(BigDecimal.ONE)));
    if (a == null) {
      ctx.report(ChangeKind.MULTIPLE_OF_ADDED, o, n, b.toPlainString(), hints);
    } else if (b == null) {
      ctx.report(ChangeKind.MULTIPLE_OF_REMOVED, o, n, a.toPlainString(), hints);
    } else {
      boolean newDividesOld = a.remainder(b).signum() == 0; // every multiple of a is a multiple of b: old within new
      boolean oldDividesNew = b.remainder(a).signum() == 0;
      String detail = "was " + a.toPlainString() + ", now " + b.toPlainString();
      if (newDividesOld) {
        ctx.report(ChangeKind.MULTIPLE_OF_RELAXED, o, n, detail, hints);
      } else if (oldDividesNew) {
        ctx.report(ChangeKind.MULTIPLE_OF_TIGHTENED, o, n, detail, hints);
      } else {
        ctx.report(ChangeKind.MULTIPLE_OF_CHANGED, o, n, detail, hints);
      }
    }
  }

  private static boolean dividesOne(BigDecimal d) {
    return d != null && BigDecimal.ONE.remainder(d).signum() == 0;
  }

  private static BigDecimal positive(BigDecimal d) {
    return d != null && d.signum() > 0 ? d : null;
  }

  private static Bound lower(SchemaNode node, boolean integerOnly) {
    BigDecimal min = JsonValues.number(node.get("minimum"));
    BigDecimal ex = JsonValues.number(node.get("exclusiveMinimum"));
    Bound b;
    if (min == null && ex == null) {
      return new Bound(null, false, "minimum");
    } else if (ex == null || min != null && min.compareTo(ex) > 0) {
      b = new Bound(min, false, "minimum");
    } else {
      b = new Bound(ex, true, "exclusiveMinimum");
    }
    if (integerOnly) {
      BigDecimal v = b.exclusive()
          ? b.value().setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)
          : b.value().setScale(0, RoundingMode.CEILING);
      b = new Bound(v, false, b.keyword());
    }
    return b;
  }

  private static Bound upper(SchemaNode node, boolean integerOnly) {
    BigDecimal max = JsonValues.number(node.get("maximum"));
    BigDecimal ex = JsonValues.number(node.get("exclusiveMaximum"));
    Bound b;
    if (max == null && ex == null) {
      return new Bound(null, false, "maximum");
    } else if (ex == null || max != null && max.compareTo(ex) < 0) {
      b = new Bound(max, false, "maximum");
    } else {
      b = new Bound(ex, true, "exclusiveMaximum");
    }
    if (integerOnly) {
      BigDecimal v = b.exclusive()
          ? b.value().setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE)
          : b.value().setScale(0, RoundingMode.FLOOR);
      b = new Bound(v, false, b.keyword());
    }
    return b;
  }

  private static Bound negate(Bound b) {
    return b.value() == null ? b : new Bound(b.value().negate(), b.exclusive(), b.keyword());
  }

  /** Positive when lower bound {@code x} is stricter than {@code y}. */
  private static int compareLower(Bound x, Bound y) {
    if (x.value() == null || y.value() == null) {
      return x.value() == null ? (y.value() == null ? 0 : -1) : 1;
    }
    int c = x.value().compareTo(y.value());
    if (c != 0) {
      return c;
    }
    return Boolean.compare(x.exclusive(), y.exclusive());
  }

  private static String render(Bound b, boolean lower) {
    if (b.value() == null) {
      return "unbounded";
    }
    return (lower ? (b.exclusive() ? "> " : ">= ") : (b.exclusive() ? "< " : "<= ")) + b.value().toPlainString();
  }

  private static List<Hint> hints(Bound x, Bound y) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<Hint> hints = new ArrayList<>();
    BigDecimal[] deltas = {BigDecimal.ZERO, BigDecimal.ONE.negate(), BigDecimal.ONE, new BigDecimal("-0.5"),
        new BigDecimal("0.5"), new BigDecimal("-0.001"), new BigDecimal("0.001")};
    for (Bound b : new Bound[] {x, y}) {
      if (b.value() != null) {
        for (BigDecimal d : deltas) {
          hints.add(new Hint.Value(f.numberNode(b.value().add(d))));
        }
      }
    }
    BigDecimal far = BigDecimal.valueOf(1_000_000_000L);
    hints.add(new Hint.Value(f.numberNode(far)));
    hints.add(new Hint.Value(f.numberNode(far.negate())));
    return hints;
  }
}
