package org.canonicalregistry.schema.compat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** JSON Schema value equality: numbers compare by mathematical value (1 equals 1.0), object key order is ignored. */
final class JsonValues {
  private JsonValues() {
  }

  /** A string that is equal for two instances exactly when JSON Schema considers them equal. */
  static String key(JsonNode node) {
    StringBuilder s = new StringBuilder();
    append(node, s);
    return s.toString();
  }

  private static void append(JsonNode node, StringBuilder s) {
    if (node.isNumber()) {
      BigDecimal d = node.decimalValue().stripTrailingZeros();
      s.append('n').append(d.signum() == 0 ? "0" : d.toPlainString());
    } else if (node.isString()) {
      s.append('s').append(node.asString().length()).append(':').append(node.asString());
    } else if (node.isObject()) {
      Map<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      s.append('{');
      sorted.forEach((k, v) -> {
        s.append(k.length()).append(':').append(k);
        append(v, s);
      });
      s.append('}');
    } else if (node.isArray()) {
      s.append('[');
      for (JsonNode e : node) {
        append(e, s);
        s.append(',');
      }
      s.append(']');
    } else {
      s.append(node.toString());
    }
  }

  static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }

  static BigDecimal number(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }

  static Integer count(JsonNode node) {
    if (node == null || !node.isNumber()) {
      return null;
    }
    BigDecimal d = node.decimalValue();
    return d.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0 ? Integer.MAX_VALUE : d.intValue();
  }
}
