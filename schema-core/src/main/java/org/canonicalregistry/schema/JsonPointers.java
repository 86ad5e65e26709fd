package org.canonicalregistry.schema;

/** RFC 6901 pointer building; the one place that escapes {@code ~} and {@code /}. */
final class JsonPointers {

  private JsonPointers() {
  }

  static String append(String pointer, String token) {
    return pointer + "/" + token.replace("~", "~0").replace("/", "~1");
  }

  static String append(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** A pointer as it appears in a {@code $ref} fragment: {@code #} plus the pointer. */
  static String display(String pointer) {
    return pointer.isEmpty() ? "/ (the document root)" : pointer;
  }
}
