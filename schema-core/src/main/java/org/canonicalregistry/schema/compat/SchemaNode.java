package org.canonicalregistry.schema.compat;

import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * A subschema together with where it lives: its RFC 6901 pointer inside its document, and the document (needed to
 * resolve local {@code $ref}s). An absent subschema is represented by {@code true} at the pointer where it would be.
 * The pointer is built only when asked for (a change is reported), not on every step of the walk.
 */
final class SchemaNode {
  private final JsonNode json;
  private final SchemaNode parent;
  private final String segment;
  private final String basePointer;
  private final SchemaDocument document;

  SchemaNode(JsonNode json, String pointer, SchemaDocument document) {
    this(json, null, null, Objects.requireNonNull(pointer), document);
  }

  private SchemaNode(JsonNode json, SchemaNode parent, String segment, String basePointer, SchemaDocument document) {
    this.json = Objects.requireNonNull(json);
    this.parent = parent;
    this.segment = segment;
    this.basePointer = basePointer;
    this.document = Objects.requireNonNull(document);
  }

  static SchemaNode root(SchemaDocument document) {
    return new SchemaNode(document.root(), "", document);
  }

  JsonNode json() {
    return json;
  }

  SchemaDocument document() {
    return document;
  }

  String pointer() {
    if (parent == null) {
      return basePointer;
    }
    return parent.pointer() + "/" + escape(segment);
  }

  /** The subschema under {@code keyword}, or {@code true} (no constraint) when absent. */
  SchemaNode child(String keyword) {
    JsonNode c = json.isObject() ? json.get(keyword) : null;
    return new SchemaNode(c == null ? BooleanNode.TRUE : c, this, keyword, null, document);
  }

  SchemaNode child(String keyword, String name) {
    return child(keyword).child(name);
  }

  SchemaNode element(int index) {
    JsonNode c = json.isArray() ? json.get(index) : null;
    return new SchemaNode(c == null ? BooleanNode.TRUE : c, this, Integer.toString(index), null, document);
  }

  /** The same location holding a different (synthesised or resolved) schema. */
  SchemaNode with(JsonNode other) {
    return new SchemaNode(other, parent, segment, basePointer, document);
  }

  boolean has(String keyword) {
    return json.isObject() && json.has(keyword);
  }

  JsonNode get(String keyword) {
    return json.isObject() ? json.get(keyword) : null;
  }

  /** True for {@code true}, a missing node and an object without any assertion or applicator keyword. */
  boolean acceptsEverything() {
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    if (!json.isObject()) {
      return false;
    }
    for (String k : json.propertyNames()) {
      if (!Keywords.ANNOTATIONS.contains(k)) {
        return false;
      }
    }
    return true;
  }

  boolean rejectsEverything() {
    return json.isBoolean() && !json.booleanValue();
  }

  static String escape(String segment) {
    if (segment.indexOf('~') < 0 && segment.indexOf('/') < 0) {
      return segment;
    }
    return segment.replace("~", "~0").replace("/", "~1");
  }
}
