package org.canonicalregistry.schema.compat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Test helper: parses JSON written with single quotes for readability. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {
  }

  static JsonNode parse(String singleQuoted) {
    return MAPPER.readTree(singleQuoted.replace('\'', '"'));
  }
}
