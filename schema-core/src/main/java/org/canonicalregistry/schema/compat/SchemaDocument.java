package org.canonicalregistry.schema.compat;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A whole schema document, already normalised onto the 2020-12 model: the root of local {@code #/...} references.
 *
 * @param uri  the registry URI it was loaded from, or {@code ""} for the schema under check
 * @param root the normalised schema
 */
record SchemaDocument(String uri, JsonNode root) {
  SchemaDocument {
    Objects.requireNonNull(uri);
    Objects.requireNonNull(root);
  }
}
