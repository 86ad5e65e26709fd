package org.canonicalregistry.codegen.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Deterministic Java names from schema words: no counters, no suffixes that depend on visiting order. */
final class Names {

  /** Component names a record cannot use: they would clash with Object's methods or our constants. */
  private static final Set<String> RESERVED_COMPONENTS = Set.of("toString", "hashCode", "equals", "getClass",
      "notify", "notifyAll", "wait", "clone", "finalize", "builder", "ENTITY", "VERSION", "GLOBAL_ID", "FINGERPRINT");

  private Names() {
  }

  /** {@code payment-terms}, {@code paymentTerms}, {@code payment_terms} all give {@code PaymentTerms}. */
  static String typeName(String word) {
    StringBuilder out = new StringBuilder();
    for (String part : words(word)) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    String name = out.length() == 0 ? "Value" : out.toString();
    return Character.isJavaIdentifierStart(name.charAt(0)) ? name : "T" + name;
  }

  /** A record component or builder method name for a wire property name. */
  static String memberName(String wireName) {
    String name;
    if (SourceVersion.isIdentifier(wireName) && !wireName.contains("$")) {
      name = wireName;
    } else {
      List<String> parts = words(wireName);
      StringBuilder out = new StringBuilder();
      for (String part : parts) {
        out.append(out.length() == 0 ? Character.toLowerCase(part.charAt(0)) + part.substring(1)
            : Character.toUpperCase(part.charAt(0)) + part.substring(1));
      }
      name = out.length() == 0 ? "value" : out.toString();
      if (!Character.isJavaIdentifierStart(name.charAt(0))) {
        name = "_" + name;
      }
    }
    if (SourceVersion.isKeyword(name) || RESERVED_COMPONENTS.contains(name) || name.equals("_")) {
      name = name + "_";
    }
    return name;
  }

  /** {@code bank-transfer} gives {@code BANK_TRANSFER}; {@code MID_MARKET} stays. */
  static String constantName(String wireValue) {
    List<String> parts = words(wireValue);
    String name = String.join("_", parts).toUpperCase(Locale.ROOT);
    if (name.isEmpty()) {
      name = "EMPTY";
    }
    if (!Character.isJavaIdentifierStart(name.charAt(0))) {
      name = "V_" + name;
    }
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }

  /** Package segment for an entity: {@code sales-order} gives {@code sales_order}. */
  static String packageSegment(String entity) {
    String s = entity.replace('-', '_');
    return SourceVersion.isKeyword(s) ? s + "_" : s;
  }

  /** Splits on anything that is not a letter or digit; keeps camel humps inside a part. */
  private static List<String> words(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 128) {
        current.append(c);
      } else if (current.length() > 0) {
        parts.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      parts.add(current.toString());
    }
    return parts;
  }
}
