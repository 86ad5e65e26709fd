package org.canonicalregistry.schema.compat;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds witnesses: a sampled instance valid under the accepting version, mutated at the change's instance location
 * with the change's hints (and a fixed pool of plain values), kept only when the real validator accepts it under one
 * version and rejects it under the other. Deterministic: candidates are tried in a fixed order. One per check.
 */
final class WitnessFinder {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final JsonNode REMOVE = F.missingNode();
  private static final String UNDECLARED_NAME = "undeclaredField";
  private static final int MAX_CANDIDATES = 160;

  private final InstanceValidator validator;
  private final InstanceSampler sampler;
  private final Map<JsonNode, Object> compiled = new IdentityHashMap<>();
  /** The witness last confirmed for the same change: a transitive check meets it again in every older version. */
  private final Map<String, JsonNode> confirmed = new java.util.HashMap<>();

  WitnessFinder(InstanceValidator validator, References references) {
    this.validator = validator;
    this.sampler = new InstanceSampler(references);
  }

  /**
   * @param original the schema as the caller gave it (the validator judges the original, not the normalised form)
   */
  record Side(JsonNode original, SchemaDocument normalised) {
  }

  WitnessSearch find(DetectedChange change, Breaks direction, Side old, Side updated) {
    boolean backward = direction == Breaks.BACKWARD;
    Side accept = backward ? old : updated;
    Side reject = backward ? updated : old;
    Predicate<JsonNode> acceptValid;
    Predicate<JsonNode> rejectValid;
    try {
      acceptValid = compiledFor(accept.original());
      rejectValid = compiledFor(reject.original());
    } catch (RuntimeException e) {
      return new WitnessSearch.NotFound(direction, "the validator refused a schema: " + e.getMessage());
    }
    String key = change.change().kind() + " " + change.change().oldPointer() + " " + change.change().newPointer() + " "
        + direction;
    JsonNode earlier = confirmed.get(key);
    if (earlier != null && acceptValid.test(earlier) && !rejectValid.test(earlier)) {
      return new WitnessSearch.Confirmed(new Witness(direction, earlier));
    }
    SchemaNode acceptRoot = SchemaNode.root(accept.normalised());
    List<JsonNode> bases = new ArrayList<>();
    for (boolean full : new boolean[] {false, true}) {
      JsonNode b = sampler.sample(acceptRoot, full);
      if (b != null && !bases.contains(b)) {
        bases.add(b);
      }
    }
    if (bases.isEmpty()) {
      return new WitnessSearch.NotFound(direction, "no instance of the " + (backward ? "old" : "new")
          + " schema could be sampled");
    }
    SchemaNode acceptNode = backward ? change.oldNode() : change.newNode();
    SchemaNode rejectNode = backward ? change.newNode() : change.oldNode();
    boolean placeable = change.instancePath().stream().noneMatch(s -> s instanceof InstanceStep.Opaque);
    int tried = 0;
    for (JsonNode base : bases) {
      List<JsonNode> candidates = new ArrayList<>();
      candidates.add(base);
      if (placeable) {
        for (JsonNode value : values(change, base, acceptNode, rejectNode)) {
          JsonNode c = place(base, change.instancePath(), value);
          if (c != null && !candidates.contains(c)) {
            candidates.add(c);
          }
        }
      }
      for (JsonNode c : candidates) {
        // Each candidate costs two validator runs: a check abandoned by its caller must stop here, not after
        // thousands of changes' worth of searches.
        if (Thread.currentThread().isInterrupted()) {
          throw new CancellationException("compatibility check interrupted during the witness search");
        }
        if (++tried > MAX_CANDIDATES) {
          return new WitnessSearch.NotFound(direction, "no candidate confirmed within " + MAX_CANDIDATES + " tries");
        }
        if (acceptValid.test(c) && !rejectValid.test(c)) {
          confirmed.put(key, c);
          return new WitnessSearch.Confirmed(new Witness(direction, c));
        }
      }
    }
    return new WitnessSearch.NotFound(direction, placeable
        ? "no sampled instance was accepted by the " + (backward ? "old" : "new") + " version and rejected by the other"
        : "the change constrains property names or a negation, where instances are not mutated");
  }

  @SuppressWarnings("unchecked")
  private Predicate<JsonNode> compiledFor(JsonNode schema) {
    Object c = compiled.get(schema);
    if (c == null) {
      try {
        c = validator.compile(schema);
      } catch (RuntimeException e) {
        c = e;
      }
      compiled.put(schema, c);
    }
    if (c instanceof RuntimeException e) {
      throw e;
    }
    return (Predicate<JsonNode>) c;
  }

  /** Values to put at the change location, most specific first. */
  private List<JsonNode> values(DetectedChange change, JsonNode base, SchemaNode acceptNode, SchemaNode rejectNode) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    JsonNode current = at(base, change.instancePath()).orElse(null);
    for (Hint h : change.hints()) {
      for (JsonNode v : materialise(h, current)) {
        out.putIfAbsent(v.isMissingNode() ? "-" : JsonValues.key(v) + v.getNodeType(), v);
      }
    }
    for (SchemaNode s : new SchemaNode[] {acceptNode, rejectNode}) {
      for (boolean full : new boolean[] {false, true}) {
        JsonNode v = sampler.sample(s, full);
        if (v != null && !(s.json().isNumber() || s.json().isString())) {
          out.putIfAbsent(JsonValues.key(v) + v.getNodeType(), v);
        }
      }
    }
    for (JsonNode v : pool()) {
      out.putIfAbsent(JsonValues.key(v) + v.getNodeType(), v);
    }
    return new ArrayList<>(out.values());
  }

  private static List<JsonNode> pool() {
    ObjectNode o = F.objectNode();
    o.put(UNDECLARED_NAME, 1);
    return List.of(F.nullNode(), F.booleanNode(true), F.numberNode(0), F.numberNode(-1), F.numberNode(1.5),
        F.stringNode(""), F.stringNode("a"), F.stringNode("not a valid value!"), F.objectNode(), o, F.arrayNode(),
        F.arrayNode().add(F.nullNode()));
  }

  private static List<JsonNode> materialise(Hint hint, JsonNode current) {
    List<JsonNode> out = new ArrayList<>();
    if (hint instanceof Hint.Value v) {
      out.add(v.value());
    } else if (hint instanceof Hint.Remove) {
      out.add(REMOVE);
    } else if (hint instanceof Hint.StringOfLength s) {
      String seed = current != null && current.isString() && !current.asString().isEmpty() ? current.asString() : "a";
      StringBuilder b = new StringBuilder();
      while (b.length() < s.length()) {
        b.append(seed);
      }
      b.setLength(s.length());
      out.add(F.stringNode(b.toString()));
      if (!seed.equals("a")) {
        out.add(F.stringNode("a".repeat(s.length())));
      }
    } else if (hint instanceof Hint.ArrayOfSize a) {
      List<JsonNode> elements = new ArrayList<>();
      if (current != null && current.isArray() && current.size() > 0) {
        elements.add(current.get(0));
      }
      elements.addAll(List.of(F.numberNode(1), F.stringNode("a"), F.nullNode()));
      for (JsonNode e : elements) {
        ArrayNode arr = F.arrayNode();
        for (int i = 0; i < a.size(); i++) {
          arr.add(e.deepCopy());
        }
        out.add(arr);
      }
    } else if (hint instanceof Hint.ObjectOfSize o) {
      ObjectNode obj = current != null && current.isObject() ? (ObjectNode) current.deepCopy() : F.objectNode();
      List<String> names = new ArrayList<>(obj.propertyNames());
      while (obj.size() > o.size() && !names.isEmpty()) {
        obj.remove(names.remove(names.size() - 1));
      }
      for (int i = 0; obj.size() < o.size(); i++) {
        obj.put(UNDECLARED_NAME + i, 1);
      }
      out.add(obj);
    } else if (hint instanceof Hint.DuplicateElements) {
      JsonNode e = current != null && current.isArray() && current.size() > 0 ? current.get(0) : F.numberNode(1);
      out.add(F.arrayNode().add(e.deepCopy()).add(e.deepCopy()));
      out.add(F.arrayNode().add(F.stringNode("a")).add(F.stringNode("a")));
    }
    return out;
  }

  private static Optional<JsonNode> at(JsonNode root, List<InstanceStep> path) {
    JsonNode n = root;
    for (InstanceStep s : path) {
      if (s instanceof InstanceStep.Key k && n.isObject()) {
        n = n.get(k.name());
      } else if (s instanceof InstanceStep.Index i && n.isArray()) {
        n = n.get(i.index());
      } else if (s instanceof InstanceStep.OtherKey && n.isObject()) {
        n = n.get(UNDECLARED_NAME);
      } else {
        return Optional.empty();
      }
      if (n == null) {
        return Optional.empty();
      }
    }
    return Optional.of(n);
  }

  /** A copy of {@code base} with {@code value} at {@code path} (containers created as needed); null if impossible. */
  static JsonNode place(JsonNode base, List<InstanceStep> path, JsonNode value) {
    if (path.isEmpty()) {
      return value.isMissingNode() ? null : value.deepCopy();
    }
    JsonNode root = base.deepCopy();
    JsonNode parent = null;
    JsonNode cur = root;
    for (int i = 0; i < path.size(); i++) {
      InstanceStep step = path.get(i);
      boolean last = i == path.size() - 1;
      if (step instanceof InstanceStep.Key || step instanceof InstanceStep.OtherKey) {
        String name = step instanceof InstanceStep.Key k ? k.name() : UNDECLARED_NAME;
        if (!cur.isObject()) {
          if (parent == null) {
            root = F.objectNode();
            cur = root;
          } else {
            return null;
          }
        }
        ObjectNode obj = (ObjectNode) cur;
        if (last) {
          if (value.isMissingNode()) {
            obj.remove(name);
          } else {
            obj.set(name, value.deepCopy());
          }
          return root;
        }
        JsonNode next = obj.get(name);
        if (next == null || !next.isContainer()) {
          next = path.get(i + 1) instanceof InstanceStep.Index ? F.arrayNode() : F.objectNode();
          obj.set(name, next);
        }
        parent = cur;
        cur = next;
      } else if (step instanceof InstanceStep.Name) {
        if (!last || !value.isString() || !cur.isObject() && parent != null) {
          return null;
        }
        if (!cur.isObject()) {
          root = F.objectNode();
          cur = root;
        }
        ((ObjectNode) cur).set(value.asString(), F.nullNode());
        return root;
      } else if (step instanceof InstanceStep.Index idx) {
        if (!cur.isArray()) {
          return null;
        }
        ArrayNode arr = (ArrayNode) cur;
        while (arr.size() <= idx.index()) {
          arr.add(arr.size() > 0 ? arr.get(arr.size() - 1).deepCopy() : F.nullNode());
        }
        if (last) {
          if (value.isMissingNode()) {
            return null;
          }
          arr.set(idx.index(), value.deepCopy());
          return root;
        }
        JsonNode next = arr.get(idx.index());
        if (!next.isContainer()) {
          next = path.get(i + 1) instanceof InstanceStep.Index ? F.arrayNode() : F.objectNode();
          arr.set(idx.index(), next);
        }
        parent = cur;
        cur = next;
      } else {
        return null;
      }
    }
    return root;
  }
}
