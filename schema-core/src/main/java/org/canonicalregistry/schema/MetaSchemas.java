package org.canonicalregistry.schema;

import java.util.Map;
import java.util.Optional;

import com.networknt.schema.SpecificationVersion;

/**
 * The draft meta-schemas bundled in the networknt jar: the only non-registry documents the engine
 * ever loads. Maps a meta-schema IRI to its resource path; anything else is not a meta-schema.
 */
final class MetaSchemas {

  private static final Map<String, SpecificationVersion> DIALECTS = Map.of(
      "http://json-schema.org/draft-04/schema", SpecificationVersion.DRAFT_4,
      "http://json-schema.org/draft-06/schema", SpecificationVersion.DRAFT_6,
      "http://json-schema.org/draft-07/schema", SpecificationVersion.DRAFT_7,
      "https://json-schema.org/draft/2019-09/schema", SpecificationVersion.DRAFT_2019_09,
      "https://json-schema.org/draft/2020-12/schema", SpecificationVersion.DRAFT_2020_12);

  static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  private MetaSchemas() {
  }

  /** @return the draft a {@code $schema} value names (trailing empty fragment tolerated), if bundled */
  static Optional<SpecificationVersion> dialect(String schemaUri) {
    return Optional.ofNullable(DIALECTS.get(stripEmptyFragment(schemaUri)));
  }

  /** @return the classpath resource in the networknt jar for a meta-schema IRI, or null */
  static String resourcePath(String iri) {
    String s = stripEmptyFragment(iri);
    String path;
    if (s.startsWith("https://json-schema.org/")) {
      path = s.substring("https://json-schema.org/".length());
    } else if (s.startsWith("http://json-schema.org/")) {
      path = s.substring("http://json-schema.org/".length());
    } else {
      return null;
    }
    // Only the known file shapes: draft-0N/schema, draft/<year>/schema, draft/<year>/meta/<vocabulary>.
    if (!path.matches("draft-0[467]/schema|draft/(2019-09|2020-12)/(schema|meta/[a-z-]+)")) {
      return null;
    }
    return MetaSchemas.class.getClassLoader().getResource(path) == null
        && com.networknt.schema.SchemaRegistry.class.getClassLoader().getResource(path) == null ? null : path;
  }

  private static String stripEmptyFragment(String iri) {
    return iri.endsWith("#") ? iri.substring(0, iri.length() - 1) : iri;
  }
}
