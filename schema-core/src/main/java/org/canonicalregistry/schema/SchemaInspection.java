package org.canonicalregistry.schema;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.canonicalregistry.schema.SchemaRejectedException.Reason;

import com.networknt.schema.SpecificationVersion;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Static checks of one schema document before the validator sees it: {@code $schema} is a bundled
 * dialect, every {@code $ref} is local (and resolves) or a registry reference the resolver knows,
 * patterns compile under RE2J, no cycle of in-place applicators ({@code $ref}, {@code allOf}…) that
 * never descends into the instance, and - for {@link Mode#LOAD} - the canonical profile.
 * Not thread-confined state: one instance per inspection.
 */
final class SchemaInspection {

  enum Mode { LOAD, COMPILE }

  private record Frame(JsonNode node, String pointer, String base, JsonNode resourceRoot) {
  }

  private final Mode mode;
  private final ReferenceResolver resolver;
  private final String documentName;
  private final JsonNode root;
  private final Map<String, JsonNode> resources = new HashMap<>();
  private final Map<JsonNode, Map<String, JsonNode>> anchors = new IdentityHashMap<>();
  private final Map<JsonNode, String> positions = new IdentityHashMap<>();
  private final Map<JsonNode, List<JsonNode>> inPlaceEdges = new IdentityHashMap<>();
  private final Map<SchemaReference, JsonNode> registryDocuments;
  private final Set<SchemaReference> references = new LinkedHashSet<>();

  private SchemaInspection(Mode mode, ReferenceResolver resolver, String documentName, JsonNode root,
      Map<SchemaReference, JsonNode> registryDocuments) {
    this.mode = mode;
    this.resolver = resolver;
    this.documentName = documentName;
    this.root = root;
    this.registryDocuments = registryDocuments;
  }

  /**
   * What an inspection found.
   *
   * @param references the registry references the root document uses directly
   * @param documents  every registry document reachable from it, as checked (the compiled validator is
   *                   given exactly these, so what was checked is what runs)
   */
  record Findings(Set<SchemaReference> references, Map<SchemaReference, JsonNode> documents) {
    Findings {
      references = Collections.unmodifiableSet(new LinkedHashSet<>(references));
      documents = Map.copyOf(documents);
    }
  }

  /**
   * Inspects {@code root} and, transitively, every registry document it references.
   */
  static Findings inspect(JsonNode root, Mode mode, ReferenceResolver resolver) {
    Map<SchemaReference, JsonNode> documents = new HashMap<>();
    SchemaInspection top = new SchemaInspection(mode, resolver, "schema", root, documents);
    top.run();
    Deque<SchemaReference> pending = new ArrayDeque<>(top.references);
    Set<SchemaReference> seen = new LinkedHashSet<>(top.references);
    while (!pending.isEmpty()) {
      SchemaReference ref = pending.pop();
      // A registry document was checked when it was published; re-checking catches a store that
      // hands out something the engine would otherwise try to fetch.
      SchemaInspection nested = new SchemaInspection(Mode.COMPILE, resolver, "referenced schema " + ref,
          documents.get(ref), documents);
      nested.run();
      for (SchemaReference next : nested.references) {
        if (seen.add(next)) {
          pending.push(next);
        }
      }
    }
    return new Findings(top.references, documents);
  }

  private void run() {
    collectResources();
    Deque<Frame> work = new ArrayDeque<>();
    work.push(new Frame(root, "", null, root));
    while (!work.isEmpty()) {
      Frame f = work.pop();
      if (!f.node().isObject()) {
        if (!f.node().isBoolean()) {
          throw reject(Reason.INVALID_SCHEMA, f.pointer(), documentName + " has a " + f.node().getNodeType()
              + " at " + JsonPointers.display(f.pointer()) + " where a schema (object or boolean) must be");
        }
        continue;
      }
      Frame scope = enter(f);
      checkKeywords(scope);
      for (Map.Entry<String, JsonNode> e : scope.node().properties()) {
        String keyword = e.getKey();
        boolean inPlace = SchemaPositions.IN_PLACE.contains(keyword);
        SchemaPositions.children(keyword, e.getValue(), scope.pointer(), (child, ptr) -> {
          work.push(new Frame(child, ptr, scope.base(), scope.resourceRoot()));
          if (inPlace && child.isObject()) {
            edge(scope.node(), child);
          }
        });
      }
    }
    findCycle();
    checkExpansion();
  }

  /** Pass 1: embedded schema resources ({@code $id}), anchors and the set of schema positions. */
  private void collectResources() {
    Deque<Frame> work = new ArrayDeque<>();
    work.push(new Frame(root, "", null, root));
    while (!work.isEmpty()) {
      Frame f = enter(work.pop());
      positions.put(f.node(), f.pointer());
      if (!f.node().isObject()) {
        continue;
      }
      if (f.node().path("$id").isString() && f.base() != null) {
        resources.putIfAbsent(withoutFragment(f.base()), f.node());
      }
      for (String anchorKeyword : List.of("$anchor", "$dynamicAnchor")) {
        JsonNode a = f.node().path(anchorKeyword);
        if (a.isString()) {
          anchors.computeIfAbsent(f.resourceRoot(), k -> new HashMap<>()).putIfAbsent(a.stringValue(), f.node());
        }
      }
      JsonNode id = f.node().path("$id");
      if (id.isString() && id.stringValue().startsWith("#")) {
        // draft-06/07 plain-name fragment as $id
        anchors.computeIfAbsent(f.resourceRoot(), k -> new HashMap<>())
            .putIfAbsent(id.stringValue().substring(1), f.node());
      }
      for (Map.Entry<String, JsonNode> e : f.node().properties()) {
        SchemaPositions.children(e.getKey(), e.getValue(), f.pointer(),
            (child, ptr) -> work.push(new Frame(child, ptr, f.base(), f.resourceRoot())));
      }
    }
  }

  /** Applies a {@code $id} on the frame's node: new base URI and new resource root. */
  private Frame enter(Frame f) {
    JsonNode id = f.node().isObject() ? f.node().path("$id") : null;
    if (id == null || !id.isString() || id.stringValue().startsWith("#")) {
      return f;
    }
    String resolved = resolve(f.base(), id.stringValue());
    return new Frame(f.node(), f.pointer(), resolved == null ? id.stringValue() : resolved, f.node());
  }

  private void checkKeywords(Frame f) {
    JsonNode node = f.node();
    String pointer = f.pointer();
    if (mode == Mode.LOAD) {
      for (String keyword : node.propertyNames()) {
        if (!CanonicalProfile.allows(keyword)) {
          String at = JsonPointers.append(pointer, keyword);
          throw reject(Reason.KEYWORD_OUTSIDE_PROFILE, at, documentName + " uses keyword '" + keyword + "' at "
              + at + ", which is outside the canonical profile (see docs/canonical-profile.md)");
        }
      }
      if (node.has("$id") && !pointer.isEmpty()) {
        String at = JsonPointers.append(pointer, "$id");
        throw reject(Reason.KEYWORD_OUTSIDE_PROFILE, at, documentName + " declares $id at " + at
            + "; the canonical profile allows $id only at the document root (one schema resource per document)");
      }
    }
    JsonNode format = node.get("format");
    if (mode == Mode.LOAD && format != null && format.isString() && !CanonicalProfile.FORMATS.contains(format.stringValue())) {
      String at = JsonPointers.append(pointer, "format");
      throw reject(Reason.KEYWORD_OUTSIDE_PROFILE, at, documentName + " uses format '" + format.stringValue() + "' at "
          + at + ", which the registry does not check; known formats: " + new java.util.TreeSet<>(CanonicalProfile.FORMATS));
    }
    if (mode == Mode.LOAD && node.path("oneOf").isArray()) {
      checkDiscriminator(f, node.get("oneOf"), JsonPointers.append(pointer, "oneOf"));
    }
    JsonNode schema = node.get("$schema");
    if (schema != null) {
      checkDialect(schema, JsonPointers.append(pointer, "$schema"));
    }
    JsonNode pattern = node.get("pattern");
    if (pattern != null && pattern.isString()) {
      checkPattern(pattern.stringValue(), JsonPointers.append(pointer, "pattern"));
    }
    JsonNode patternProperties = node.get("patternProperties");
    if (patternProperties != null && patternProperties.isObject()) {
      for (String regex : patternProperties.propertyNames()) {
        checkPattern(regex, JsonPointers.append(JsonPointers.append(pointer, "patternProperties"), regex));
      }
    }
    JsonNode ref = node.get("$ref");
    if (ref != null) {
      String at = JsonPointers.append(pointer, "$ref");
      if (!ref.isString()) {
        throw reject(Reason.INVALID_SCHEMA, at, documentName + " has a non-string $ref at " + at);
      }
      JsonNode target = checkRef(ref.stringValue(), at, f);
      if (target != null && target.isObject()) {
        edge(node, target);
      }
    }
    for (String dynamic : List.of("$dynamicRef", "$recursiveRef")) {
      JsonNode value = node.get(dynamic);
      if (value != null) {
        String at = JsonPointers.append(pointer, dynamic);
        if (!value.isString() || !value.stringValue().startsWith("#")) {
          throw reject(Reason.REMOTE_REFERENCE, at, documentName + " has " + dynamic + " " + value + " at " + at
              + "; only fragment-only ('#…') dynamic references are allowed, nothing is fetched");
        }
        // Conservatively treat a dynamic reference as pointing back at its resource root.
        edge(node, f.resourceRoot());
      }
    }
  }

  /**
   * The profile allows {@code oneOf} only as a tagged union: every branch requires one common property
   * whose {@code const} differs per branch, so generated code can pick the branch from that property.
   */
  private void checkDiscriminator(Frame f, JsonNode branches, String at) {
    Set<String> common = null;
    List<JsonNode> resolved = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      JsonNode branch = followRefs(f, branches.get(i), JsonPointers.append(at, i));
      resolved.add(branch);
      Set<String> tags = new LinkedHashSet<>();
      if (branch != null && branch.isObject()) {
        for (Map.Entry<String, JsonNode> p : branch.path("properties").properties()) {
          boolean required = false;
          for (JsonNode r : branch.path("required")) {
            required |= r.isString() && r.stringValue().equals(p.getKey());
          }
          if (required && p.getValue().has("const")) {
            tags.add(p.getKey());
          }
        }
      }
      if (common == null) {
        common = tags;
      } else {
        common.retainAll(tags);
      }
    }
    if (common != null) {
      for (String tag : common) {
        Set<JsonNode> values = new java.util.HashSet<>();
        boolean distinct = true;
        for (JsonNode branch : resolved) {
          distinct &= values.add(branch.path("properties").path(tag).get("const"));
        }
        if (distinct) {
          return;
        }
      }
    }
    throw reject(Reason.KEYWORD_OUTSIDE_PROFILE, at, documentName + " uses oneOf at " + at
        + " without a discriminator; the canonical profile needs every branch to require one common property"
        + " whose const value differs per branch (see docs/canonical-profile.md)");
  }

  /** Follows a short chain of $refs (local or registry) to the schema a oneOf branch stands for. */
  private JsonNode followRefs(Frame f, JsonNode branch, String at) {
    JsonNode current = branch;
    JsonNode resourceRoot = f.resourceRoot();
    for (int hops = 0; hops < 16 && current != null && current.isObject() && current.path("$ref").isString(); hops++) {
      String ref = current.get("$ref").stringValue();
      String refAt = JsonPointers.append(at, "$ref");
      if (ref.startsWith(SchemaReference.PREFIX) && resources.get(withoutFragment(ref)) == null) {
        checkRef(ref, refAt, f);
        JsonNode document = registryDocuments.get(SchemaReference.parse(ref).orElseThrow());
        String fragment = fragment(ref);
        current = fragment.isEmpty() ? document : pointerTarget(document, fragment);
        resourceRoot = document;
      } else if (ref.startsWith("#")) {
        current = localTarget(resourceRoot, ref.substring(1), ref, refAt);
      } else {
        current = checkRef(ref, refAt, f);
      }
    }
    return current;
  }

  private void checkDialect(JsonNode schema, String at) {
    if (!schema.isString()) {
      throw reject(Reason.INVALID_SCHEMA, at, documentName + " has a non-string $schema at " + at);
    }
    Optional<SpecificationVersion> dialect = MetaSchemas.dialect(schema.stringValue());
    if (dialect.isEmpty()) {
      throw reject(Reason.REMOTE_REFERENCE, at, documentName + " names $schema '" + schema.stringValue() + "' at "
          + at + ", which is not a bundled draft meta-schema (draft-04, -06, -07, 2019-09, 2020-12);"
          + " meta-schemas are never fetched");
    }
    if (mode == Mode.LOAD && dialect.get() != SpecificationVersion.DRAFT_2020_12) {
      throw reject(Reason.INVALID_SCHEMA, at, documentName + " declares $schema '" + schema.stringValue() + "' at "
          + at + "; registered schemas must be draft 2020-12 (" + MetaSchemas.DRAFT_2020_12 + ")");
    }
  }

  private void checkPattern(String regex, String at) {
    String problem = LinearTimeRegex.problem(regex);
    if (problem != null) {
      throw reject(Reason.UNSAFE_PATTERN, at, documentName + " has pattern '" + regex + "' at " + at
          + " that the linear-time regex engine cannot run (backreferences and lookaround are not allowed): "
          + problem);
    }
  }

  /** @return the local target node, or null for a registry reference */
  private JsonNode checkRef(String ref, String at, Frame f) {
    if (ref.startsWith("#")) {
      return localTarget(f.resourceRoot(), ref.substring(1), ref, at);
    }
    String absolute = resolve(f.base(), ref);
    if (absolute != null) {
      JsonNode resource = resources.get(withoutFragment(absolute));
      if (resource != null) {
        return localTarget(resource, fragment(absolute), ref, at);
      }
    }
    if (ref.startsWith(SchemaReference.PREFIX)) {
      SchemaReference reference = SchemaReference.parse(ref).orElseThrow(() -> reject(Reason.INVALID_SCHEMA, at,
          documentName + " has registry reference '" + ref + "' at " + at
              + " that is not of the form urn:canonical:<entity>:<major>.<minor>[#<json-pointer>]"));
      JsonNode document = registryDocuments.get(reference);
      if (document == null) {
        document = resolver.resolve(reference).orElseThrow(() -> reject(Reason.UNKNOWN_REFERENCE, at,
            documentName + " references " + reference + " ('" + ref + "') at " + at
                + ", which the registry does not hold"));
        registryDocuments.put(reference, document);
      }
      String fragment = fragment(ref);
      if (!fragment.isEmpty() && pointerTarget(document, fragment) == null) {
        throw reject(Reason.UNKNOWN_REFERENCE, at, documentName + " references '" + ref + "' at " + at + ", but "
            + reference + " has nothing at #" + fragment);
      }
      references.add(reference);
      return null;
    }
    throw reject(Reason.REMOTE_REFERENCE, at, documentName + " has $ref '" + ref + "' at " + at
        + "; only local ('#…') and registry (urn:canonical:<entity>:<major>.<minor>) references are allowed,"
        + " nothing is ever fetched" + (absolute != null && !absolute.equals(ref) ? " (resolves to " + absolute + ")" : ""));
  }

  private JsonNode localTarget(JsonNode resourceRoot, String fragment, String ref, String at) {
    String decoded = percentDecode(fragment);
    JsonNode target;
    if (decoded.isEmpty()) {
      target = resourceRoot;
    } else if (decoded.startsWith("/")) {
      target = pointerTarget(resourceRoot, decoded);
    } else {
      target = anchors.getOrDefault(resourceRoot, Map.of()).get(decoded);
    }
    if (target == null) {
      throw reject(Reason.INVALID_SCHEMA, at, documentName + " has $ref '" + ref + "' at " + at
          + " that points to nothing in this document");
    }
    if (!target.isBoolean() && !positions.containsKey(target)) {
      throw reject(Reason.INVALID_SCHEMA, at, documentName + " has $ref '" + ref + "' at " + at
          + " that points into a keyword's value, not at a schema");
    }
    return target;
  }

  private static JsonNode pointerTarget(JsonNode document, String pointer) {
    try {
      JsonNode target = document.at(JsonPointer.compile(percentDecode(pointer)));
      return target.isMissingNode() ? null : target;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private void edge(JsonNode from, JsonNode to) {
    inPlaceEdges.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
  }

  /**
   * A cycle made only of in-place applicators and references never moves deeper into the instance, so
   * evaluating it would never end: refuse it. Iterative DFS, colours in {@code state}.
   */
  private void findCycle() {
    Map<JsonNode, Integer> state = new IdentityHashMap<>(); // 1 = on the current path, 2 = done
    for (JsonNode start : inPlaceEdges.keySet()) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<JsonNode> path = new ArrayDeque<>();
      Deque<Integer> nextChild = new ArrayDeque<>();
      path.push(start);
      nextChild.push(0);
      state.put(start, 1);
      while (!path.isEmpty()) {
        JsonNode node = path.peek();
        int i = nextChild.pop();
        List<JsonNode> out = inPlaceEdges.getOrDefault(node, List.of());
        if (i < out.size()) {
          nextChild.push(i + 1);
          JsonNode to = out.get(i);
          Integer s = state.get(to);
          if (s == null) {
            state.put(to, 1);
            path.push(to);
            nextChild.push(0);
          } else if (s == 1) {
            String where = positions.getOrDefault(to, "?");
            throw reject(Reason.INVALID_SCHEMA, where, documentName + " has a reference cycle through "
                + JsonPointers.display(where) + " (from " + JsonPointers.display(positions.getOrDefault(node, "?"))
                + ") that never descends into the instance: validation would never end");
          }
        } else {
          state.put(node, 2);
          path.pop();
        }
      }
    }
  }

  /**
   * Most subschemas one instance location may be evaluated against through in-place applicators.
   * Without cycles evaluation terminates, but a chain of {@code allOf}s that each reach the next
   * level twice doubles per level: twenty levels are a million evaluations for every value.
   */
  static final long MAX_IN_PLACE_EVALUATIONS = 10_000;

  /** Counts, per schema, the evaluations its in-place applicators expand to (the graph is acyclic here). */
  private void checkExpansion() {
    Map<JsonNode, Long> cost = new IdentityHashMap<>();
    for (JsonNode start : inPlaceEdges.keySet()) {
      if (cost.containsKey(start)) {
        continue;
      }
      Deque<JsonNode> path = new ArrayDeque<>();
      Deque<Integer> nextChild = new ArrayDeque<>();
      path.push(start);
      nextChild.push(0);
      while (!path.isEmpty()) {
        JsonNode node = path.peek();
        int i = nextChild.pop();
        List<JsonNode> out = inPlaceEdges.getOrDefault(node, List.of());
        if (i < out.size()) {
          nextChild.push(i + 1);
          JsonNode to = out.get(i);
          if (!cost.containsKey(to)) {
            path.push(to);
            nextChild.push(0);
          }
          continue;
        }
        long total = 1;
        for (JsonNode to : out) {
          total = Math.min(Long.MAX_VALUE / 4, total + cost.get(to));
        }
        if (total > MAX_IN_PLACE_EVALUATIONS) {
          String where = positions.getOrDefault(node, "?");
          throw reject(Reason.INVALID_SCHEMA, where, documentName + " makes validation evaluate more than "
              + MAX_IN_PLACE_EVALUATIONS + " subschemas against one value through allOf/oneOf/$ref and other"
              + " in-place applicators starting at " + JsonPointers.display(where) + "; the limit is "
              + MAX_IN_PLACE_EVALUATIONS);
        }
        cost.put(node, total);
        path.pop();
      }
    }
  }

  private SchemaRejectedException reject(Reason reason, String pointer, String message) {
    return new SchemaRejectedException(reason, pointer, message);
  }

  /** @return the absolute form of {@code ref} against {@code base}, or null when it cannot be resolved */
  private static String resolve(String base, String ref) {
    try {
      URI refUri = new URI(ref);
      if (base == null) {
        return refUri.isAbsolute() ? refUri.toString() : null;
      }
      URI baseUri = new URI(base);
      if (baseUri.isOpaque()) {
        return refUri.isAbsolute() ? refUri.toString() : null;
      }
      return baseUri.resolve(refUri).toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String withoutFragment(String uri) {
    int hash = uri.indexOf('#');
    return hash < 0 ? uri : uri.substring(0, hash);
  }

  private static String fragment(String uri) {
    int hash = uri.indexOf('#');
    return hash < 0 ? "" : uri.substring(hash + 1);
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
          && Character.digit(s.charAt(i + 2), 16) >= 0) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(b, 0, b.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
