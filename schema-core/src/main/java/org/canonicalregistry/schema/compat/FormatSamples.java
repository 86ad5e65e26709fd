package org.canonicalregistry.schema.compat;

/** One valid sample per well-known {@code format}, for instance sampling and witness search. */
final class FormatSamples {
  private FormatSamples() {
  }

  static String valid(String format) {
    switch (format) {
      case "email": case "idn-email": return "a@example.com";
      case "date": return "2020-01-31";
      case "date-time": return "2020-01-31T10:00:00Z";
      case "time": return "10:00:00Z";
      case "duration": return "P1D";
      case "uuid": return "123e4567-e89b-12d3-a456-426614174000";
      case "uri": case "iri": return "https://example.com/a";
      case "uri-reference": case "iri-reference": return "a/b";
      case "uri-template": return "https://example.com/{id}";
      case "hostname": case "idn-hostname": return "example.com";
      case "ipv4": return "192.0.2.1";
      case "ipv6": return "2001:db8::1";
      case "json-pointer": return "/a/b";
      case "relative-json-pointer": return "0/a";
      case "regex": return "^a$";
      default: return "a";
    }
  }
}
