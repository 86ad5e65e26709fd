package org.canonicalregistry.schema.compat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * Owns one walk over an (old, new) schema pair: the instance path (scoped with try-with-resources), the memo of
 * visited pairs by identity, the pairs in progress (a pair met again while in progress is a {@code $ref} cycle and is
 * assumed equal, which is sound because instances are finite), the depth bound, and cancellation by interruption.
 * Not thread-safe; one per diff.
 */
final class DiffContext {
  /** Deeper than this, the walk stops and reports conservatively instead of risking the stack. */
  static final int MAX_DEPTH = 400;

  private final References references;
  private final List<DetectedChange> changes = new ArrayList<>();
  private final List<InstanceStep> path;
  private final Set<Pair> done = new HashSet<>();
  private final Set<Pair> active;
  private final Map<JsonNode, Boolean> containsReference;
  private final Map<JsonNode, Map<JsonNode, Boolean>> sameDocuments;
  private int depth;

  DiffContext(References references) {
    this(references, new ArrayList<>(), new HashSet<>(), new IdentityHashMap<>(), new IdentityHashMap<>(), 0);
  }

  private DiffContext(References references, List<InstanceStep> path, Set<Pair> active,
                      Map<JsonNode, Boolean> containsReference, Map<JsonNode, Map<JsonNode, Boolean>> sameDocuments,
                      int depth) {
    this.references = references;
    this.path = path;
    this.active = active;
    this.containsReference = containsReference;
    this.sameDocuments = sameDocuments;
    this.depth = depth;
  }

  /**
   * A context for a trial comparison whose changes are kept apart (to test whether one schema is contained in a
   * branch of another). It shares the pairs in progress, so a trial inside a recursive schema still terminates.
   */
  DiffContext trial() {
    return new DiffContext(references, new ArrayList<>(path), active, containsReference, sameDocuments, depth);
  }

  /** Adopts the changes of a trial into this walk. */
  void adopt(DiffContext trial) {
    changes.addAll(trial.changes);
  }

  References references() {
    return references;
  }

  List<DetectedChange> changes() {
    return changes;
  }

  /** A scope on the instance path; closing it pops the step. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  Scope at(InstanceStep step) {
    path.add(step);
    int size = path.size();
    return () -> {
      if (path.size() != size) {
        throw new IllegalStateException("unbalanced instance path scopes");
      }
      path.remove(size - 1);
    };
  }

  /** Throws {@link CancellationException} when the calling thread was interrupted: a hostile schema can be stopped. */
  void checkCancelled() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("compatibility check interrupted");
    }
  }

  /** Marks the pair as in progress; false when it is already in progress (a cycle) or already compared. */
  boolean begin(SchemaNode old, SchemaNode updated) {
    Pair p = new Pair(old.json(), updated.json());
    if (active.contains(p) || done.contains(p)) {
      return false;
    }
    active.add(p);
    depth++;
    return true;
  }

  void end(SchemaNode old, SchemaNode updated) {
    Pair p = new Pair(old.json(), updated.json());
    active.remove(p);
    done.add(p);
    depth--;
  }

  boolean tooDeep() {
    return depth > MAX_DEPTH;
  }

  /** True when two documents are equal, so equal subtrees resolve their references alike; cached per pair. */
  boolean sameDocuments(SchemaDocument a, SchemaDocument b) {
    if (a.root() == b.root()) {
      return true;
    }
    return sameDocuments.computeIfAbsent(a.root(), k -> new IdentityHashMap<>())
        .computeIfAbsent(b.root(), k -> a.root().equals(b.root()));
  }

  /** True when the subtree contains a reference, so structural equality does not imply equal meaning. */
  boolean containsReference(JsonNode node) {
    if (!node.isContainer()) {
      return false;
    }
    Boolean known = containsReference.get(node);
    if (known != null) {
      return known;
    }
    boolean result = node.isObject() && (node.has("$ref") || node.has("$dynamicRef") || node.has("$recursiveRef"));
    if (!result) {
      for (JsonNode child : node.values()) {
        if (containsReference(child)) {
          result = true;
          break;
        }
      }
    }
    containsReference.put(node, result);
    return result;
  }

  void report(ChangeKind kind, SchemaNode old, SchemaNode updated, String detail, Hint... hints) {
    changes.add(new DetectedChange(
        new SchemaChange(kind, JsonPointer.compile(old.pointer()), JsonPointer.compile(updated.pointer()), field(),
            detail),
        old, updated, path, List.of(hints)));
  }

  void report(ChangeKind kind, SchemaNode old, SchemaNode updated, String detail, List<Hint> hints) {
    report(kind, old, updated, detail, hints.toArray(new Hint[0]));
  }

  private String field() {
    StringBuilder s = new StringBuilder();
    for (InstanceStep step : path) {
      if (step instanceof InstanceStep.Key k) {
        if (s.length() > 0) {
          s.append('.');
        }
        s.append(k.name());
      } else if (step instanceof InstanceStep.Index i) {
        s.append(i.anyElement() ? "[]" : "[" + i.index() + "]");
      } else if (step instanceof InstanceStep.OtherKey) {
        s.append(s.length() > 0 ? ".*" : "*");
      } else if (step instanceof InstanceStep.Name) {
        s.append(s.length() > 0 ? ".(names)" : "(names)");
      } else {
        s.append(s.length() > 0 ? ".(negation)" : "(negation)");
      }
    }
    return s.toString();
  }

  /** Identity pair: two schema nodes compared once per walk. */
  private record Pair(JsonNode old, JsonNode updated) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Pair p && p.old == old && p.updated == updated;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(old) + System.identityHashCode(updated);
    }
  }
}
