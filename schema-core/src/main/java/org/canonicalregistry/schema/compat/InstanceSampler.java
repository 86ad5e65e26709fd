package org.canonicalregistry.schema.compat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a small instance that is probably valid under a schema: required properties only ({@code full == false}) or
 * every declared property ({@code full == true}). It is a heuristic: every instance it produces is confirmed by the
 * real validator before anyone relies on it. Deterministic: the same schema always gives the same instance.
 */
final class InstanceSampler {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 16;
  private static final String[] STRING_CANDIDATES = {"a", "A", "0", "ab", "abc", "a1", "A1", "x-a", "aaaaaaaa", "a@b.c",
      "AB", "12", "a_b", "a-b", "a b", ""};

  private final References references;

  InstanceSampler(References references) {
    this.references = references;
  }

  /** A sample, or null when the schema is {@code false} or cannot be sampled. */
  JsonNode sample(SchemaNode node, boolean full) {
    return sample(node, full, 0);
  }

  private JsonNode sample(SchemaNode start, boolean full, int depth) {
    if (depth > MAX_DEPTH) {
      return null;
    }
    References.Resolution r = references.deref(start);
    if (!(r instanceof References.Resolved res)) {
      return null;
    }
    SchemaNode node = res.node();
    if (node.rejectsEverything()) {
      return null;
    }
    if (!node.json().isObject()) {
      return F.nullNode();
    }
    Map<String, JsonNode> allowed = EnumConstDiff.allowed(node);
    if (allowed != null) {
      return allowed.isEmpty() ? null : allowed.values().iterator().next().deepCopy();
    }
    int type = chooseType(node, full, depth);
    JsonNode own;
    switch (type) {
      case TypeSet.OBJECT: own = object(node, full, depth); break;
      case TypeSet.ARRAY: own = array(node, full, depth); break;
      case TypeSet.STRING: own = string(node); break;
      case TypeSet.INTEGER: own = number(node, true); break;
      case TypeSet.FRACTION: own = number(node, false); break;
      case TypeSet.BOOLEAN: own = F.booleanNode(true); break;
      default: own = F.nullNode();
    }
    return own;
  }

  private int chooseType(SchemaNode node, boolean full, int depth) {
    TypeSet t = TypeSet.of(node);
    if (t.equals(TypeSet.ALL)) {
      t = inferred(node, full, depth);
    }
    for (int atom : new int[] {TypeSet.OBJECT, TypeSet.ARRAY, TypeSet.STRING, TypeSet.INTEGER, TypeSet.FRACTION,
        TypeSet.BOOLEAN, TypeSet.NULL}) {
      if (t.admits(atom)) {
        return atom;
      }
    }
    return TypeSet.NULL;
  }

  /** Without {@code type}: the family whose keywords appear, or the type of the first branch of a combinator. */
  private TypeSet inferred(SchemaNode node, boolean full, int depth) {
    for (String k : node.json().propertyNames()) {
      if (Keywords.OBJECT.contains(k)) return new TypeSet(TypeSet.OBJECT);
      if (Keywords.ARRAY.contains(k)) return new TypeSet(TypeSet.ARRAY);
      if (Keywords.STRING.contains(k)) return new TypeSet(TypeSet.STRING);
      if (Keywords.NUMERIC.contains(k)) return new TypeSet(TypeSet.NUMBER);
    }
    for (String k : new String[] {"allOf", "anyOf", "oneOf"}) {
      JsonNode list = node.get(k);
      if (list != null && list.isArray() && list.size() > 0) {
        JsonNode s = sample(node.child(k).element(0), full, depth + 1);
        if (s != null) {
          return new TypeSet(atomOf(s));
        }
      }
    }
    if (node.has("$ref")) {
      References.Resolution r = references.resolve(node);
      if (r instanceof References.Resolved res) {
        JsonNode s = sample(res.node(), full, depth + 1);
        if (s != null) {
          return new TypeSet(atomOf(s));
        }
      }
    }
    return new TypeSet(TypeSet.NULL);
  }

  private static int atomOf(JsonNode v) {
    if (v.isObject()) return TypeSet.OBJECT;
    if (v.isArray()) return TypeSet.ARRAY;
    if (v.isString()) return TypeSet.STRING;
    if (v.isIntegralNumber() || v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0) return TypeSet.INTEGER;
    if (v.isNumber()) return TypeSet.FRACTION;
    if (v.isBoolean()) return TypeSet.BOOLEAN;
    return TypeSet.NULL;
  }

  private JsonNode object(SchemaNode node, boolean full, int depth) {
    ObjectNode o = F.objectNode();
    List<String> required = ObjectSchemaDiff.strings(node.get("required"));
    for (String name : required) {
      JsonNode v = sample(ObjectSchemaDiff.effective(node, name), full, depth + 1);
      o.set(name, v == null ? F.nullNode() : v);
    }
    JsonNode props = node.get("properties");
    Integer minProps = JsonValues.count(node.get("minProperties"));
    if (props != null && props.isObject()) {
      for (String name : props.propertyNames()) {
        if (o.has(name) || !(full || minProps != null && o.size() < minProps)) {
          continue;
        }
        JsonNode v = sample(node.child("properties", name), full, depth + 1);
        if (v != null) {
          o.set(name, v);
        }
      }
    }
    // Conjunctive parts add their required properties too.
    for (String k : new String[] {"allOf", "anyOf", "oneOf"}) {
      JsonNode list = node.get(k);
      int n = list != null && list.isArray() ? ("allOf".equals(k) ? list.size() : Math.min(1, list.size())) : 0;
      for (int i = 0; i < n; i++) {
        merge(o, sample(node.child(k).element(i), full, depth + 1));
      }
    }
    if (node.has("$ref")) {
      References.Resolution r = references.resolve(node);
      if (r instanceof References.Resolved res) {
        merge(o, sample(res.node(), full, depth + 1));
      }
    }
    return o;
  }

  private static void merge(ObjectNode into, JsonNode part) {
    if (part != null && part.isObject()) {
      part.properties().forEach(e -> {
        if (!into.has(e.getKey())) {
          into.set(e.getKey(), e.getValue());
        }
      });
    }
  }

  private JsonNode array(SchemaNode node, boolean full, int depth) {
    ArrayNode a = F.arrayNode();
    int prefix = node.has("prefixItems") && node.get("prefixItems").isArray() ? node.get("prefixItems").size() : 0;
    Integer min = JsonValues.count(node.get("minItems"));
    Integer max = JsonValues.count(node.get("maxItems"));
    int n = Math.max(min == null ? 0 : min, full ? Math.max(prefix, 1) : 0);
    if (max != null) {
      n = Math.min(n, max);
    }
    boolean unique = node.has("uniqueItems") && node.get("uniqueItems").asBoolean(false);
    for (int i = 0; i < n && i < 64; i++) {
      SchemaNode s = i < prefix ? node.child("prefixItems").element(i) : node.child("items");
      JsonNode v = sample(s, full, depth + 1);
      if (v == null) {
        break;
      }
      if (unique && v.isString()) {
        v = F.stringNode(v.asString() + (i == 0 ? "" : String.valueOf(i)));
      } else if (unique && v.isNumber()) {
        v = F.numberNode(v.decimalValue().add(BigDecimal.valueOf(i)));
      }
      a.add(v);
    }
    if (node.has("contains")) {
      JsonNode c = sample(node.child("contains"), full, depth + 1);
      if (c != null && (max == null || a.size() < max)) {
        a.add(c);
      }
    }
    return a;
  }

  private static JsonNode string(SchemaNode node) {
    Integer min = JsonValues.count(node.get("minLength"));
    Integer max = JsonValues.count(node.get("maxLength"));
    JsonNode format = node.get("format");
    JsonNode pattern = node.get("pattern");
    String base = format != null && format.isString() ? FormatSamples.valid(format.asString()) : "a";
    if (pattern != null && pattern.isString()) {
      String p = pattern.asString();
      String literal = p.replace("^", "").replace("$", "").replace("\\", "");
      for (String c : concat(literal, STRING_CANDIDATES)) {
        if (matches(p, c) && (min == null || c.length() >= min) && (max == null || c.length() <= max)) {
          return F.stringNode(c);
        }
      }
    }
    StringBuilder s = new StringBuilder(base);
    while (min != null && s.length() < min && s.length() < 100_000) {
      s.append('a');
    }
    if (max != null && s.length() > max) {
      s.setLength(max);
    }
    return F.stringNode(s.toString());
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static boolean matches(String pattern, String s) {
    try {
      return Pattern.compile(pattern).matcher(s).find();
    } catch (PatternSyntaxException e) {
      return false;
    }
  }

  private static JsonNode number(SchemaNode node, boolean integer) {
    BigDecimal lo = max(JsonValues.number(node.get("minimum")), JsonValues.number(node.get("exclusiveMinimum")));
    boolean loEx = node.has("exclusiveMinimum") && (JsonValues.number(node.get("minimum")) == null
        || JsonValues.number(node.get("exclusiveMinimum")).compareTo(JsonValues.number(node.get("minimum"))) >= 0);
    BigDecimal m = JsonValues.number(node.get("multipleOf"));
    BigDecimal v = integer ? BigDecimal.ZERO : new BigDecimal("0.5");
    if (lo != null) {
      v = lo.add(loEx ? (integer ? BigDecimal.ONE : new BigDecimal("0.5")) : BigDecimal.ZERO);
      if (integer) {
        v = v.setScale(0, RoundingMode.CEILING);
      }
    } else {
      BigDecimal hi = JsonValues.number(node.get("maximum"));
      BigDecimal hiEx = JsonValues.number(node.get("exclusiveMaximum"));
      BigDecimal top = hi == null ? hiEx : (hiEx == null ? hi : hi.min(hiEx));
      if (top != null && top.compareTo(v) <= 0) {
        v = top.subtract(BigDecimal.ONE).setScale(0, RoundingMode.FLOOR);
      }
    }
    if (m != null && m.signum() > 0) {
      v = v.divide(m, 0, RoundingMode.CEILING).multiply(m);
    }
    return F.numberNode(v);
  }

  private static BigDecimal max(BigDecimal a, BigDecimal b) {
    return a == null ? b : (b == null ? a : a.max(b));
  }
}
