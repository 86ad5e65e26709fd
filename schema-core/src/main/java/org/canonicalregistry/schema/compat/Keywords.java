package org.canonicalregistry.schema.compat;

import java.util.Set;

/** The 2020-12 keywords the differs know, grouped by how the engine treats them. */
final class Keywords {
  private Keywords() {
  }

  /** Keywords that never change the set of valid instances (annotations, identifiers, definitions holders). */
  static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$anchor", "$dynamicAnchor", "$defs", "definitions",
      "$comment", "$vocabulary", "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly",
      "contentMediaType", "contentEncoding", "contentSchema");

  static final Set<String> TYPE = Set.of("type");
  static final Set<String> ENUM_CONST = Set.of("enum", "const");
  static final Set<String> NUMERIC = Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
  static final Set<String> STRING = Set.of("minLength", "maxLength", "pattern", "format");
  static final Set<String> OBJECT = Set.of("properties", "required", "additionalProperties", "patternProperties",
      "propertyNames", "minProperties", "maxProperties", "dependentRequired", "dependentSchemas",
      "unevaluatedProperties");
  static final Set<String> ARRAY = Set.of("items", "prefixItems", "contains", "minContains", "maxContains", "minItems",
      "maxItems", "uniqueItems", "unevaluatedItems");
  static final Set<String> COMBINATOR = Set.of("allOf", "anyOf", "oneOf", "not", "if", "then", "else", "$ref");
  /** Known keywords whose changes the engine does not try to compare. */
  static final Set<String> UNDECIDABLE = Set.of("$dynamicRef", "$recursiveRef", "$recursiveAnchor");

  /** In-place applicators: they can evaluate properties/items on behalf of {@code unevaluated*}. */
  static final Set<String> IN_PLACE_APPLICATORS = Set.of("allOf", "anyOf", "oneOf", "if", "then", "else", "$ref",
      "dependentSchemas", "$dynamicRef");

  static boolean known(String keyword) {
    return ANNOTATIONS.contains(keyword) || TYPE.contains(keyword) || ENUM_CONST.contains(keyword)
        || NUMERIC.contains(keyword) || STRING.contains(keyword) || OBJECT.contains(keyword)
        || ARRAY.contains(keyword) || COMBINATOR.contains(keyword) || UNDECIDABLE.contains(keyword);
  }
}
