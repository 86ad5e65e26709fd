package org.canonicalregistry.codegen.generator;

import tools.jackson.databind.JsonNode;

/**
 * A schema position: a source and an RFC 6901 pointer into it. The unit that gets a generated type.
 *
 * @param source  the entity version
 * @param pointer {@code ""} for the root
 */
record Loc(SchemaSource source, String pointer) {

  JsonNode node() {
    return pointer.isEmpty() ? source.schema().json() : source.schema().json().at(pointer);
  }

  Loc child(String... segments) {
    StringBuilder p = new StringBuilder(pointer);
    for (String s : segments) {
      p.append('/').append(s.replace("~", "~0").replace("/", "~1"));
    }
    return new Loc(source, p.toString());
  }

  /** The last pointer segment, unescaped; {@code ""} for the root. */
  String lastSegment() {
    int i = pointer.lastIndexOf('/');
    return i < 0 ? "" : pointer.substring(i + 1).replace("~1", "/").replace("~0", "~");
  }

  /** The pointer without its last segment. */
  Loc parent() {
    int i = pointer.lastIndexOf('/');
    return new Loc(source, i < 0 ? "" : pointer.substring(0, i));
  }

  /** {@code customer@1.0#/$defs/address}, the form used in messages. */
  @Override
  public String toString() {
    return source.label() + "#" + pointer;
  }

  /** {@code customer#/$defs/address}: the version-independent key of the type-name overrides. */
  String overrideKey() {
    return source.entity() + "#" + pointer;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Loc other && other.source.label().equals(source.label()) && other.pointer.equals(pointer);
  }

  @Override
  public int hashCode() {
    return source.label().hashCode() * 31 + pointer.hashCode();
  }
}
