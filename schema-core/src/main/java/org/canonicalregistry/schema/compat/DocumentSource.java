package org.canonicalregistry.schema.compat;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Loads a registry document by its URI without fragment; empty when unknown. Never fetches over the network. */
@FunctionalInterface
interface DocumentSource {
  Optional<JsonNode> load(String uri);

  static DocumentSource none() {
    return uri -> Optional.empty();
  }
}
