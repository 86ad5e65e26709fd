package org.canonicalregistry.schema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * Canonical text of a JSON document and its fingerprint. The rules (see docs/canonical-profile.md):
 * <ul>
 *   <li>object members sorted by key, comparing Unicode code points (not UTF-16 units);</li>
 *   <li>no whitespace between tokens;</li>
 *   <li>integers as plain decimal digits; numbers written with a fraction or exponent keep their
 *       precision and scale ({@code 1.0} stays {@code 1.0}, {@code 1.50} stays {@code 1.50},
 *       {@code 1e3} becomes {@code 1E+3}) - so {@code 1.0} and {@code 1} are different texts;</li>
 *   <li>strings escape only {@code "}, {@code \}, control characters below U+0020 (short forms
 *       {@code \b \f \n \r \t}, otherwise <code>&#92;u00xx</code>) and unpaired surrogates; everything else is
 *       written literally.</li>
 * </ul>
 * Stateless and thread-safe. Works iteratively, so a deep tree never overflows the stack.
 */
public final class CanonicalJson {

  private CanonicalJson() {
  }

  /**
   * @param json not null; floating-point numbers should be {@code DecimalNode}s to keep their text
   * @return canonical text
   */
  public static String canonicalize(JsonNode json) {
    Objects.requireNonNull(json, "json");
    StringBuilder out = new StringBuilder();
    // Work items are either nodes to write or literal text (separators and closing brackets).
    Deque<Object> work = new ArrayDeque<>();
    work.push(json);
    while (!work.isEmpty()) {
      Object item = work.pop();
      if (item instanceof String text) {
        out.append(text);
        continue;
      }
      JsonNode node = (JsonNode) item;
      if (node.isObject()) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
        members.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        out.append('{');
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
          if (i > 0) {
            parts.add(",");
          }
          StringBuilder key = new StringBuilder();
          writeString(key, members.get(i).getKey());
          key.append(':');
          parts.add(key.toString());
          parts.add(members.get(i).getValue());
        }
        parts.add("}");
        pushAll(work, parts);
      } else if (node.isArray()) {
        out.append('[');
        List<Object> parts = new ArrayList<>();
        Iterator<JsonNode> it = node.values().iterator();
        boolean first = true;
        while (it.hasNext()) {
          if (!first) {
            parts.add(",");
          }
          first = false;
          parts.add(it.next());
        }
        parts.add("]");
        pushAll(work, parts);
      } else {
        writeScalar(out, node);
      }
    }
    return out.toString();
  }

  /**
   * @param canonicalJson not null
   * @return lowercase hex SHA-256 of the UTF-8 bytes
   */
  public static String fingerprint(String canonicalJson) {
    Objects.requireNonNull(canonicalJson, "canonicalJson");
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return java.util.HexFormat.of().formatHex(digest.digest(canonicalJson.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static void pushAll(Deque<Object> work, List<Object> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      work.push(parts.get(i));
    }
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private static void writeScalar(StringBuilder out, JsonNode node) {
    if (node.isString()) {
      writeString(out, node.stringValue());
    } else if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue().toString());
    } else if (node.isBigDecimal()) {
      out.append(node.decimalValue().toString());
    } else if (node.isNumber()) {
      // float/double nodes (only when a caller built the tree itself): write their shortest
      // round-trip decimal so the text is still deterministic.
      double d = node.doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON cannot represent " + d);
      }
      out.append(new BigDecimal(Double.toString(d)).toString());
    } else {
      throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
  }

  static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            appendUnicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // An unpaired surrogate has no UTF-8 form; escaping keeps it distinct from U+FFFD.
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    for (int k = hex.length(); k < 4; k++) {
      out.append('0');
    }
    out.append(hex);
  }
}
