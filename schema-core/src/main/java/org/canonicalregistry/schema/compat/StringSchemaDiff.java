package org.canonicalregistry.schema.compat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code minLength}, {@code maxLength}, {@code pattern}, {@code format} (format is an assertion in this project).
 * Two different patterns are never compared for containment (undecidable in general for ECMA-262 regexes): the
 * change is reported as breaking both ways.
 */
final class StringSchemaDiff {
  private StringSchemaDiff() {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    Bounds.lower(ctx, old, updated, "minLength", 0, ChangeKind.MIN_LENGTH_INCREASED, ChangeKind.MIN_LENGTH_DECREASED,
        Hint.StringOfLength::new);
    Bounds.upper(ctx, old, updated, "maxLength", ChangeKind.MAX_LENGTH_DECREASED, ChangeKind.MAX_LENGTH_INCREASED,
        Hint.StringOfLength::new);
    assertion(ctx, old, updated, "pattern", ChangeKind.PATTERN_ADDED, ChangeKind.PATTERN_REMOVED,
        ChangeKind.PATTERN_CHANGED);
    assertion(ctx, old, updated, "format", ChangeKind.FORMAT_ADDED, ChangeKind.FORMAT_REMOVED,
        ChangeKind.FORMAT_CHANGED);
  }

  private static final String[] PROBES;

  static {
    List<String> probes = new ArrayList<>(List.of("", "a", "ab", "abc", "aaaaaaaaaa", "A", "AB", "Ab", "0", "12", "123",
        "a1", "1a", "-", "_", ".", " ", "@", "a@b.c", "a b", "a-b", "a_b", "a.b", "x-a", "ä"));
    for (char c = 'a'; c <= 'z'; c++) {
      probes.add(String.valueOf(c));
    }
    for (char c = 'A'; c <= 'Z'; c++) {
      probes.add(String.valueOf(c));
    }
    for (char c = '0'; c <= '9'; c++) {
      probes.add(String.valueOf(c));
    }
    PROBES = probes.toArray(new String[0]);
  }

  /** Strings that one pattern accepts and the other does not (checked with RE2J, confirmed later). */
  private static List<Hint> distinguishing(JsonNode a, JsonNode b) {
    List<Hint> hints = new ArrayList<>();
    for (String probe : PROBES) {
      if (matches(a, probe) != matches(b, probe)) {
        hints.add(new Hint.Value(JsonNodeFactory.instance.stringNode(probe)));
        if (hints.size() >= 8) {
          break;
        }
      }
    }
    return hints;
  }

  private static boolean matches(JsonNode pattern, String s) {
    if (pattern == null || !pattern.isString()) {
      return true;
    }
    try {
      return com.google.re2j.Pattern.compile(pattern.asString()).matcher(s).find();
    } catch (com.google.re2j.PatternSyntaxException e) {
      return false;
    }
  }

  private static void assertion(DiffContext ctx, SchemaNode old, SchemaNode updated, String keyword, ChangeKind added,
                                ChangeKind removed, ChangeKind changed) {
    JsonNode a = old.get(keyword);
    JsonNode b = updated.get(keyword);
    if (a == null && b == null || a != null && a.equals(b)) {
      return;
    }
    List<Hint> hints = new ArrayList<>();
    if (keyword.equals("format")) {
      for (JsonNode f : new JsonNode[] {a, b}) {
        if (f != null) {
          hints.add(new Hint.Value(JsonNodeFactory.instance.stringNode(FormatSamples.valid(f.asString()))));
        }
      }
    }
    if (keyword.equals("pattern")) {
      hints.addAll(distinguishing(a, b));
    }
    SchemaNode o = old.child(keyword);
    SchemaNode n = updated.child(keyword);
    if (a == null) {
      ctx.report(added, o, n, b.toString(), hints);
    } else if (b == null) {
      ctx.report(removed, o, n, a.toString(), hints);
    } else {
      ctx.report(changed, o, n, "was " + a + ", now " + b, hints);
    }
  }
}
