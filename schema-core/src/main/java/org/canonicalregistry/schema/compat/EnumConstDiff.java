package org.canonicalregistry.schema.compat;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code enum} and {@code const}. A {@code const} is a one-value enum; when both are present the allowed set is their
 * intersection. Values compare by JSON Schema equality (1 equals 1.0).
 */
final class EnumConstDiff {
  private EnumConstDiff() {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    Map<String, JsonNode> a = allowed(old);
    Map<String, JsonNode> b = allowed(updated);
    if (a == null && b == null) {
      return;
    }
    boolean aConst = old.has("const") && !old.has("enum");
    boolean bConst = updated.has("const") && !updated.has("enum");
    SchemaNode ao = old.child(aConst ? "const" : "enum");
    SchemaNode bn = updated.child(bConst ? "const" : "enum");
    if (a == null) {
      ctx.report(bConst ? ChangeKind.CONST_ADDED : ChangeKind.ENUM_ADDED, ao, bn, render(b));
      return;
    }
    if (b == null) {
      ctx.report(aConst ? ChangeKind.CONST_REMOVED : ChangeKind.ENUM_REMOVED, ao, bn, render(a));
      return;
    }
    if (a.keySet().equals(b.keySet())) {
      return;
    }
    if (aConst && bConst) {
      JsonNode av = a.values().iterator().next();
      JsonNode bv = b.values().iterator().next();
      ctx.report(ChangeKind.CONST_CHANGED, ao, bn, "was " + av + ", now " + bv, new Hint.Value(av), new Hint.Value(bv));
      return;
    }
    for (Map.Entry<String, JsonNode> e : a.entrySet()) {
      if (!b.containsKey(e.getKey())) {
        ctx.report(ChangeKind.ENUM_VALUE_REMOVED, pointerTo(old, aConst, e.getValue()), bn, e.getValue().toString(),
            new Hint.Value(e.getValue()));
      }
    }
    for (Map.Entry<String, JsonNode> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        ctx.report(ChangeKind.ENUM_VALUE_ADDED, ao, pointerTo(updated, bConst, e.getValue()), e.getValue().toString(),
            new Hint.Value(e.getValue()));
      }
    }
  }

  private static SchemaNode pointerTo(SchemaNode node, boolean isConst, JsonNode value) {
    if (isConst) {
      return node.child("const");
    }
    SchemaNode e = node.child("enum");
    String key = JsonValues.key(value);
    for (int i = 0; i < e.json().size(); i++) {
      if (JsonValues.key(e.json().get(i)).equals(key)) {
        return e.element(i);
      }
    }
    return e;
  }

  /** The allowed values keyed by equality key, in document order; null when unconstrained. */
  static Map<String, JsonNode> allowed(SchemaNode node) {
    JsonNode en = node.get("enum");
    JsonNode co = node.get("const");
    Map<String, JsonNode> values = null;
    if (en != null && en.isArray()) {
      values = new LinkedHashMap<>();
      for (JsonNode v : en) {
        values.putIfAbsent(JsonValues.key(v), v);
      }
    }
    if (co != null) {
      String k = JsonValues.key(co);
      if (values == null) {
        values = new LinkedHashMap<>();
        values.put(k, co);
      } else {
        boolean present = values.containsKey(k);
        values.clear();
        if (present) {
          values.put(k, co);
        }
      }
    }
    return values;
  }

  private static String render(Map<String, JsonNode> values) {
    return values.size() == 1 ? values.values().iterator().next().toString() : values.values().toString();
  }
}
