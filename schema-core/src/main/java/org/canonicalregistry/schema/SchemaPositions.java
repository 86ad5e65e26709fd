package org.canonicalregistry.schema;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Walks only the <em>schema positions</em> of a JSON Schema document (any draft): the root and every
 * value of an applicator keyword. Values of {@code enum}, {@code const}, {@code default},
 * {@code examples}, annotation keywords and property <em>names</em> are never visited as schemas.
 * Iterative, so document depth cannot overflow the stack.
 */
final class SchemaPositions {

  /** Keywords whose value is one schema. */
  static final Set<String> SINGLE = Set.of("additionalProperties", "additionalItems", "contains",
      "propertyNames", "not", "if", "then", "else", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
  /** Keywords whose value is an object of name to schema. */
  static final Set<String> MAP = Set.of("properties", "patternProperties", "$defs", "definitions",
      "dependentSchemas", "dependencies");
  /** Keywords whose value is an array of schemas. */
  static final Set<String> ARRAY = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  /** Applicators evaluated against the same instance location (no progress into the instance). */
  static final Set<String> IN_PLACE = Set.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else",
      "dependentSchemas", "dependencies");

  /** Receives each schema position. */
  interface Visitor {
    /**
     * @param schema  an object or boolean schema (other node types are passed too, for the caller to reject)
     * @param pointer its JSON pointer in the document
     */
    void visit(JsonNode schema, String pointer);
  }

  private record Position(JsonNode node, String pointer) {
  }

  private SchemaPositions() {
  }

  static void forEach(JsonNode root, Visitor visitor) {
    Deque<Position> work = new ArrayDeque<>();
    work.push(new Position(root, ""));
    while (!work.isEmpty()) {
      Position p = work.pop();
      visitor.visit(p.node(), p.pointer());
      if (!p.node().isObject()) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : p.node().properties()) {
        children(e.getKey(), e.getValue(), p.pointer(), (child, ptr) -> work.push(new Position(child, ptr)));
      }
    }
  }

  /** Calls {@code sink} with each direct subschema held by keyword {@code keyword}. */
  static void children(String keyword, JsonNode value, String pointer, Visitor sink) {
    String at = JsonPointers.append(pointer, keyword);
    if (SINGLE.contains(keyword)) {
      if (isSchemaShaped(value)) {
        sink.visit(value, at);
      }
    } else if (MAP.contains(keyword)) {
      if (value.isObject()) {
        for (Map.Entry<String, JsonNode> m : value.properties()) {
          // dependencies may hold string arrays (dependentRequired); those are not schemas.
          if (isSchemaShaped(m.getValue())) {
            sink.visit(m.getValue(), JsonPointers.append(at, m.getKey()));
          }
        }
      }
    } else if (ARRAY.contains(keyword)) {
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          sink.visit(value.get(i), JsonPointers.append(at, i));
        }
      }
    } else if ("items".equals(keyword)) {
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          sink.visit(value.get(i), JsonPointers.append(at, i));
        }
      } else if (isSchemaShaped(value)) {
        sink.visit(value, at);
      }
    }
  }

  static boolean isSchemaShaped(JsonNode node) {
    return node.isObject() || node.isBoolean();
  }
}
