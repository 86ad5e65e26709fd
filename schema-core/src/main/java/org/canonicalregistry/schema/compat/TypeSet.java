package org.canonicalregistry.schema.compat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON types a schema's {@code type} keyword admits, as disjoint atoms so that {@code integer} is a subset of
 * {@code number}: number = integer + non-integer.
 */
record TypeSet(int bits) {
  static final int NULL = 1;
  static final int BOOLEAN = 2;
  static final int OBJECT = 4;
  static final int ARRAY = 8;
  static final int STRING = 16;
  static final int INTEGER = 32;
  static final int FRACTION = 64;
  static final int NUMBER = INTEGER | FRACTION;
  static final TypeSet ALL = new TypeSet(127);

  /**
   * The types admitted by {@code type}, narrowed by an {@code anyOf}/{@code oneOf} whose branches only state types
   * ({@code anyOf: [{type: string}, {type: null}]} is {@code type: [string, null]}); all types when absent.
   */
  static TypeSet of(SchemaNode node) {
    TypeSet own = ofKeyword(node.get("type"));
    for (String k : new String[] {"anyOf", "oneOf"}) {
      if (foldable(node, k)) {
        int b = 0;
        for (JsonNode branch : node.get(k)) {
          b |= ofKeyword(branch.get("type")).bits;
        }
        own = new TypeSet(own.bits & b);
      }
    }
    return own;
  }

  /**
   * True when every branch of {@code keyword} is an object stating only {@code type} (and annotations) and, for
   * {@code oneOf}, the branches' types are pairwise disjoint: then the combinator is just a type list.
   */
  static boolean foldable(SchemaNode node, String keyword) {
    JsonNode list = node.get(keyword);
    if (list == null || !list.isArray() || list.isEmpty()) {
      return false;
    }
    int seen = 0;
    for (JsonNode branch : list) {
      if (!branch.isObject() || !branch.has("type")) {
        return false;
      }
      for (String k : branch.propertyNames()) {
        if (!k.equals("type") && !Keywords.ANNOTATIONS.contains(k)) {
          return false;
        }
      }
      int b = ofKeyword(branch.get("type")).bits;
      if (keyword.equals("oneOf") && (seen & b) != 0) {
        return false;
      }
      seen |= b;
    }
    return true;
  }

  private static TypeSet ofKeyword(JsonNode type) {
    if (type == null) {
      return ALL;
    }
    if (type.isString()) {
      return new TypeSet(bit(type.asString()));
    }
    if (type.isArray()) {
      int b = 0;
      for (JsonNode t : type) {
        b |= t.isString() ? bit(t.asString()) : 0;
      }
      return new TypeSet(b);
    }
    return ALL;
  }

  /**
   * The types an instance can actually have: {@link #of} narrowed to the types of the {@code enum}/{@code const}
   * values when those are given, so that {@code {"type":"string","const":"a"}} and {@code {"const":"a"}} admit the
   * same types (both accept exactly "a").
   */
  static TypeSet effective(SchemaNode node) {
    TypeSet declared = of(node);
    java.util.Map<String, JsonNode> values = EnumConstDiff.allowed(node);
    if (values == null) {
      return declared;
    }
    int b = 0;
    for (JsonNode v : values.values()) {
      b |= typeOf(v);
    }
    return new TypeSet(declared.bits & b);
  }

  private static int typeOf(JsonNode v) {
    if (v.isNull()) return NULL;
    if (v.isBoolean()) return BOOLEAN;
    if (v.isObject()) return OBJECT;
    if (v.isArray()) return ARRAY;
    if (v.isString()) return STRING;
    if (v.isNumber()) {
      java.math.BigDecimal d = v.decimalValue();
      return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 ? INTEGER : FRACTION;
    }
    return 127;
  }

  private static int bit(String name) {
    switch (name) {
      case "null": return NULL;
      case "boolean": return BOOLEAN;
      case "object": return OBJECT;
      case "array": return ARRAY;
      case "string": return STRING;
      case "integer": return INTEGER;
      case "number": return NUMBER;
      default: return 127; // unknown type name: a broken schema; assume nothing
    }
  }

  boolean admits(int atom) {
    return (bits & atom) != 0;
  }

  boolean containsAll(TypeSet other) {
    return (bits & other.bits) == other.bits;
  }

  boolean disjoint(TypeSet other) {
    return (bits & other.bits) == 0;
  }

  TypeSet minus(TypeSet other) {
    return new TypeSet(bits & ~other.bits);
  }

  /** True when only integers are admitted (the integer-bound normalisation applies). */
  boolean integerOnly() {
    return bits == INTEGER;
  }

  @Override
  public String toString() {
    if (bits == 127) {
      return "any type";
    }
    List<String> names = new ArrayList<>();
    if (admits(STRING)) names.add("string");
    if ((bits & NUMBER) == NUMBER) names.add("number");
    else if (admits(INTEGER)) names.add("integer");
    else if (admits(FRACTION)) names.add("non-integer number");
    if (admits(BOOLEAN)) names.add("boolean");
    if (admits(OBJECT)) names.add("object");
    if (admits(ARRAY)) names.add("array");
    if (admits(NULL)) names.add("null");
    return names.size() == 1 ? names.get(0) : names.toString();
  }
}
