package org.canonicalregistry.schema.compat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.UnaryOperator;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Resolves {@code $ref} for the walk: local fragments ({@code #}, {@code #/json/pointer}, {@code #anchor}) inside the
 * document the reference sits in, and registry URIs {@code urn:canonical:<entity>:<M>.<m>[#fragment]} through the
 * {@link DocumentSource}. Anything else is reported as unresolved, never fetched. One instance serves one check; it
 * caches loaded documents and is not thread-safe.
 */
final class References {
  static final String REGISTRY_PREFIX = "urn:canonical:";
  private static final int MAX_HOPS = 64;

  private final DocumentSource source;
  private final UnaryOperator<JsonNode> normalizer;
  private final Map<String, Optional<SchemaDocument>> documents = new HashMap<>();
  private final Map<JsonNode, Map<String, SchemaNode>> anchors = new IdentityHashMap<>();

  References(DocumentSource source, UnaryOperator<JsonNode> normalizer) {
    this.source = source;
    this.normalizer = normalizer;
  }

  /** The outcome of following a reference. */
  sealed interface Resolution permits Resolved, Unresolved {
  }

  record Resolved(SchemaNode node) implements Resolution {
  }

  record Unresolved(String ref, String reason) implements Resolution {
  }

  /** True when {@code node} is a bare reference: {@code $ref} plus annotations only. */
  static boolean isBareReference(SchemaNode node) {
    JsonNode json = node.json();
    if (!json.isObject() || !json.has("$ref")) {
      return false;
    }
    for (String k : json.propertyNames()) {
      if (!k.equals("$ref") && !Keywords.ANNOTATIONS.contains(k)) {
        return false;
      }
    }
    return true;
  }

  /** Follows bare references until a schema with its own keywords is reached. */
  Resolution deref(SchemaNode node) {
    SchemaNode current = node;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      if (!isBareReference(current)) {
        return new Resolved(current);
      }
      Resolution r = resolve(current);
      if (r instanceof Unresolved) {
        return r;
      }
      current = ((Resolved) r).node();
    }
    return new Unresolved(node.get("$ref").asString(), "more than " + MAX_HOPS + " chained references");
  }

  /** Resolves the {@code $ref} of {@code node}, which must have one. */
  Resolution resolve(SchemaNode node) {
    JsonNode refNode = node.get("$ref");
    if (refNode == null || !refNode.isString()) {
      return new Unresolved(String.valueOf(refNode), "$ref is not a string");
    }
    String ref = refNode.asString();
    int hash = ref.indexOf('#');
    String base = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    SchemaDocument document;
    if (base.isEmpty() || base.equals(node.document().uri())) {
      document = node.document();
    } else if (base.startsWith(REGISTRY_PREFIX)) {
      Optional<SchemaDocument> loaded = documents.computeIfAbsent(base,
          uri -> source.load(uri).map(json -> new SchemaDocument(uri, normalizer.apply(json))));
      if (loaded.isEmpty()) {
        return new Unresolved(ref, "the registry has no schema " + base);
      }
      document = loaded.get();
    } else {
      return new Unresolved(ref, "only local and urn:canonical references are followed");
    }
    // A fragment-only reference is relative to the schema resource it sits in: an embedded "$id" starts a new one
    // (Core 8.2.1, 9.2), so "#/$defs/n" inside it names that resource's own $defs, not the document's.
    String resource = base.isEmpty() ? enclosingResource(node) : "";
    JsonNode resourceRoot = resource.isEmpty() ? document.root() : document.root().at(JsonPointer.compile(resource));
    if (fragment.isEmpty()) {
      return new Resolved(new SchemaNode(resourceRoot, resource, document));
    }
    if (fragment.startsWith("/")) {
      String pointer;
      try {
        pointer = percentDecode(fragment);
        JsonNode target = resourceRoot.at(JsonPointer.compile(pointer));
        if (target == null || target.isMissingNode()) {
          return new Unresolved(ref, "nothing at " + pointer);
        }
        return new Resolved(new SchemaNode(target, resource + pointer, document));
      } catch (IllegalArgumentException e) {
        return new Unresolved(ref, "malformed JSON pointer");
      }
    }
    if (!resource.isEmpty()) {
      return new Unresolved(ref, "anchors inside an embedded $id resource are not followed");
    }
    SchemaNode anchored = anchorsOf(document).get(fragment);
    return anchored == null ? new Unresolved(ref, "no $anchor " + fragment) : new Resolved(anchored);
  }

  private Map<String, SchemaNode> anchorsOf(SchemaDocument document) {
    return anchors.computeIfAbsent(document.root(), root -> {
      Map<String, SchemaNode> found = new HashMap<>();
      collectAnchors(SchemaNode.root(document), found, 0);
      return found;
    });
  }

  private static void collectAnchors(SchemaNode node, Map<String, SchemaNode> found, int depth) {
    JsonNode json = node.json();
    if (depth > 256 || !(json.isObject() || json.isArray())) {
      return;
    }
    if (json.isObject()) {
      JsonNode anchor = json.get("$anchor");
      if (anchor != null && anchor.isString()) {
        found.putIfAbsent(anchor.asString(), node);
      }
      for (String k : json.propertyNames()) {
        collectAnchors(node.child(k), found, depth + 1);
      }
    } else {
      for (int i = 0; i < json.size(); i++) {
        collectAnchors(node.element(i), found, depth + 1);
      }
    }
  }

  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "definitions",
      "dependentSchemas");
  private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
  private static final Set<String> SCHEMA_VALUED = Set.of("items", "additionalItems", "additionalProperties",
      "unevaluatedProperties", "unevaluatedItems", "contains", "propertyNames", "not", "if", "then", "else",
      "contentSchema");

  /**
   * The pointer of the innermost subschema with an {@code $id} that encloses {@code node} (the node itself included),
   * or {@code ""} for the document's root resource. Walks the pointer from the root and only counts positions that
   * hold schemas, so a property that happens to be named {@code $id} is not mistaken for a resource.
   */
  private static String enclosingResource(SchemaNode node) {
    String pointer = node.pointer();
    if (pointer.isEmpty()) {
      return "";
    }
    String[] segments = pointer.substring(1).split("/", -1);
    JsonNode current = node.document().root();
    boolean atSchema = true; // false right after a keyword holding a map or list of schemas
    StringBuilder prefix = new StringBuilder();
    String found = "";
    for (String escaped : segments) {
      String segment = escaped.replace("~1", "/").replace("~0", "~");
      if (atSchema) {
        if (SCHEMA_MAPS.contains(segment) || SCHEMA_LISTS.contains(segment)) {
          atSchema = false;
        } else if (!SCHEMA_VALUED.contains(segment)) {
          return found; // below a non-schema keyword: no further resources
        }
      } else {
        atSchema = true;
      }
      current = current == null ? null : current.isArray() ? current.get(parseIndex(segment)) : current.get(segment);
      prefix.append('/').append(escaped);
      if (current == null) {
        return found;
      }
      if (atSchema && current.isObject() && current.has("$id") && current.get("$id").isString()) {
        found = prefix.toString();
      }
    }
    return found;
  }

  private static int parseIndex(String segment) {
    try {
      return Integer.parseInt(segment);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '%' && i + 2 < bytes.length) {
        out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
