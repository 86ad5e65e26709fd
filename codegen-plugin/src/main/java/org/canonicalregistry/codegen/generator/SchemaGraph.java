package org.canonicalregistry.codegen.generator;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canonicalregistry.schema.SchemaReference;
import tools.jackson.databind.JsonNode;

/**
 * The input schemas and how their {@code $ref}s connect them. Local references resolve inside the document; registry
 * references ({@code urn:canonical:<entity>:<M>.<m>[#pointer]}) resolve to another input, never to a fetch. Each
 * entity and major is generated once, from its newest minor among the inputs.
 */
final class SchemaGraph {

  private final Map<String, SchemaSource> newestByEntityMajor = new LinkedHashMap<>();
  private final Map<String, SchemaSource> byLabel = new LinkedHashMap<>();

  SchemaGraph(List<SchemaSource> sources) {
    List<SchemaSource> sorted = sources.stream()
        .sorted(Comparator.comparing(SchemaSource::entity).thenComparingInt(SchemaSource::major)
            .thenComparingInt(SchemaSource::minor))
        .toList();
    for (SchemaSource s : sorted) {
      SchemaSource previous = byLabel.put(s.label(), s);
      if (previous != null) {
        throw new CodegenException(s.label() + " is given twice: " + previous.origin() + " and " + s.origin());
      }
      newestByEntityMajor.put(s.entity() + "@" + s.major(), s);
    }
  }

  /** The sources that generate code: the newest minor of each entity and major, sorted by entity and major. */
  List<SchemaSource> generating() {
    return List.copyOf(newestByEntityMajor.values());
  }

  /** Follows {@code $ref} until a position without one; siblings of a followed {@code $ref} are annotations. */
  Loc deref(Loc loc) {
    Loc current = loc;
    for (int hops = 0; hops < 64; hops++) {
      JsonNode node = current.node();
      if (node == null || node.isMissingNode()) {
        throw new CodegenException(current + " does not exist (reached from " + loc + ")");
      }
      JsonNode ref = node.get("$ref");
      if (ref == null) {
        return current;
      }
      current = target(current, ref.asString());
    }
    throw new CodegenException(loc + ": $ref chain longer than 64 steps");
  }

  private Loc target(Loc from, String ref) {
    if (ref.startsWith("#")) {
      return new Loc(canonicalSource(from.source()), decode(ref.substring(1)));
    }
    Optional<SchemaReference> registry = SchemaReference.parse(ref);
    if (registry.isEmpty()) {
      throw new CodegenException(from + ": $ref '" + ref + "' is neither local nor urn:canonical:; nothing is fetched");
    }
    SchemaReference r = registry.get();
    SchemaSource target = newestByEntityMajor.get(r.entity() + "@" + r.major());
    if (target == null) {
      throw new CodegenException(from + " refers to " + r + ", which is not among the inputs"
          + " (add it to the schema folder, or to the lock selections)");
    }
    int hash = ref.indexOf('#');
    return new Loc(target, hash < 0 ? "" : decode(ref.substring(hash + 1)));
  }

  /** A local reference inside an older minor is served by the newest minor of the same major. */
  private SchemaSource canonicalSource(SchemaSource s) {
    return newestByEntityMajor.getOrDefault(s.entity() + "@" + s.major(), s);
  }

  private static String decode(String fragment) {
    // The fragment is a JSON pointer; percent-encoding is only legal in URI fragments.
    return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }
}
