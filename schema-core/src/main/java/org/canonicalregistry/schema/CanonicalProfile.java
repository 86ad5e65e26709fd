package org.canonicalregistry.schema;

import java.util.Set;

/**
 * The keywords a canonical schema may use: the subset the Java code generator maps to records.
 * The reason for each keyword is in docs/canonical-profile.md; keep both in step.
 */
final class CanonicalProfile {

  static final Set<String> KEYWORDS = Set.of(
      // core
      "$schema", "$id", "$ref", "$defs", "$comment",
      // meta-data annotations
      "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly",
      // any type
      "type", "enum", "const",
      // objects
      "properties", "required", "additionalProperties", "minProperties", "maxProperties",
      // arrays
      "items", "minItems", "maxItems", "uniqueItems",
      // strings
      "minLength", "maxLength", "pattern", "format",
      // numbers
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
      // composition
      "oneOf", "allOf");

  /**
   * {@code format} values the validator asserts (draft 2020-12 format vocabulary). Any other name
   * would be silently ignored by the validator, so the profile refuses it instead.
   */
  static final Set<String> FORMATS = Set.of("date-time", "date", "time", "duration", "email", "idn-email",
      "hostname", "idn-hostname", "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template",
      "json-pointer", "relative-json-pointer", "regex", "uuid");

  /** Annotation keywords of our own (e.g. {@code x-classification}) start with this prefix. */
  static final String EXTENSION_PREFIX = "x-";

  private CanonicalProfile() {
  }

  static boolean allows(String keyword) {
    return KEYWORDS.contains(keyword) || keyword.startsWith(EXTENSION_PREFIX);
  }
}
