package org.canonicalregistry.schema.compat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.BooleanNode;

/**
 * A subschema together with where it lives: its RFC 6901 pointer inside its document, and the document (needed to
 * resolve local {@code $ref}s). An absent subschema is represented by {@code true} at the pointer where it would be.
 */
record SchemaNode(JsonNode json, String pointer, SchemaDocument document) {

  static SchemaNode root(SchemaDocument document) {
    return new SchemaNode(document.root(), "", document);
  }

  /** The subschema under {@code keyword}, or {@code true} (no constraint) when absent. */
  SchemaNode child(String keyword) {
    JsonNode c = json.isObject() ? json.get(keyword) : null;
    return new SchemaNode(c == null ? BooleanNode.TRUE : c, pointer + "/" + escape(keyword), document);
  }

  SchemaNode child(String keyword, String name) {
    return child(keyword).child(name);
  }

  SchemaNode element(int index) {
    JsonNode c = json.isArray() ? json.get(index) : null;
    return new SchemaNode(c == null ? BooleanNode.TRUE : c, pointer + "/" + index, document);
  }

  /** The same location holding a different (synthesised or resolved) schema. */
  SchemaNode with(JsonNode other) {
    return new SchemaNode(other, pointer, document);
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
