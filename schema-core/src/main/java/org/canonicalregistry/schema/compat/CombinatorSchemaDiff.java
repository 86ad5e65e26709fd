package org.canonicalregistry.schema.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else} and a {@code $ref}
 * that has sibling keywords (a bare {@code $ref} is resolved by the hub). Branches are matched first by equality, then
 * by position. {@code oneOf} is not monotone: a changed {@code oneOf} whose branches cannot be proven pairwise disjoint
 * is reported as possibly breaking both ways. A changed {@code not} or {@code if} is not compared (conservative).
 */
final class CombinatorSchemaDiff {
  private static final JsonNode TRUE = tools.jackson.databind.node.BooleanNode.TRUE;

  private CombinatorSchemaDiff() {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    reference(ctx, old, updated);
    branches(ctx, old, updated, "allOf", null, null, ChangeKind.ALL_OF_BRANCH_ADDED, ChangeKind.ALL_OF_BRANCH_REMOVED);
    branches(ctx, old, updated, "anyOf", ChangeKind.ANY_OF_ADDED, ChangeKind.ANY_OF_REMOVED,
        ChangeKind.ANY_OF_BRANCH_ADDED, ChangeKind.ANY_OF_BRANCH_REMOVED);
    branches(ctx, old, updated, "oneOf", ChangeKind.ONE_OF_ADDED, ChangeKind.ONE_OF_REMOVED,
        ChangeKind.ONE_OF_BRANCH_ADDED, ChangeKind.ONE_OF_BRANCH_REMOVED);
    oneOfOverlap(ctx, old, updated);
    not(ctx, old, updated);
    conditional(ctx, old, updated);
  }

  private static void reference(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    if (!old.has("$ref") && !updated.has("$ref")) {
      return;
    }
    SchemaNode a = target(ctx, old);
    SchemaNode b = target(ctx, updated);
    if (a == null || b == null) {
      if (!(a == null && b == null && old.get("$ref").equals(updated.get("$ref")))) {
        ctx.report(ChangeKind.REFERENCE_UNRESOLVED, old.child("$ref"), updated.child("$ref"),
            "old " + old.get("$ref") + ", new " + updated.get("$ref"));
      }
      return;
    }
    SchemaDiff.compare(ctx, a, b);
  }

  /** The referenced schema, {@code true} when there is no {@code $ref}, null when it cannot be resolved. */
  private static SchemaNode target(DiffContext ctx, SchemaNode node) {
    if (!node.has("$ref")) {
      return node.child("$ref");
    }
    References.Resolution r = ctx.references().resolve(node);
    return r instanceof References.Resolved res ? res.node() : null;
  }

  private static void branches(DiffContext ctx, SchemaNode old, SchemaNode updated, String keyword,
                               ChangeKind introduced, ChangeKind dropped, ChangeKind added, ChangeKind removed) {
    // A combinator that is only a type list was folded into the type comparison (TypeSet.of).
    boolean folds = !keyword.equals("allOf");
    boolean ha = old.has(keyword) && old.get(keyword).isArray() && !(folds && TypeSet.foldable(old, keyword));
    boolean hb = updated.has(keyword) && updated.get(keyword).isArray() && !(folds && TypeSet.foldable(updated, keyword));
    if (!ha && !hb) {
      return;
    }
    if (introduced != null && ha != hb) {
      if (containedInBranch(ctx, old, updated, keyword, hb, added, removed)) {
        return;
      }
      if (hb) {
        ctx.report(introduced, old.child(keyword), updated.child(keyword), updated.get(keyword).size() + " alternatives");
      } else {
        ctx.report(dropped, old.child(keyword), updated.child(keyword), old.get(keyword).size() + " alternatives");
      }
      return;
    }
    SchemaNode la = old.child(keyword);
    SchemaNode lb = updated.child(keyword);
    int na = ha ? la.json().size() : 0;
    int nb = hb ? lb.json().size() : 0;
    boolean[] usedA = new boolean[na];
    boolean[] usedB = new boolean[nb];
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < na; i++) {
      for (int j = 0; j < nb; j++) {
        if (!usedB[j] && la.json().get(i).equals(lb.json().get(j))) {
          usedA[i] = true;
          usedB[j] = true;
          if (ctx.containsReference(la.json().get(i))) {
            pairs.add(new int[] {i, j});
          }
          break;
        }
      }
    }
    // What is left is paired by position: a branch edited in place is compared, not reported as removed + added.
    int j = 0;
    for (int i = 0; i < na; i++) {
      if (usedA[i]) {
        continue;
      }
      while (j < nb && usedB[j]) {
        j++;
      }
      if (j < nb) {
        pairs.add(new int[] {i, j});
        usedA[i] = true;
        usedB[j] = true;
      }
    }
    for (int[] p : pairs) {
      SchemaDiff.compare(ctx, la.element(p[0]), lb.element(p[1]));
    }
    for (int i = 0; i < na; i++) {
      if (!usedA[i] && !la.element(i).acceptsEverything()) {
        ctx.report(removed, la.element(i), lb, keyword + " branch " + i + " removed");
      }
    }
    for (int k = 0; k < nb; k++) {
      if (!usedB[k] && !lb.element(k).acceptsEverything()) {
        ctx.report(added, la, lb.element(k), keyword + " branch " + k + " added");
      }
    }
  }

  /**
   * An {@code anyOf}/{@code oneOf} that appears (or disappears) around what the other version already said is a
   * widening (narrowing), not a new constraint: {@code {"$ref": "#/$defs/a"}} to
   * {@code {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/a"}]}} makes the value nullable. Decided by a trial
   * comparison of the other version against each branch: if one branch contains it, only the other branches count.
   */
  private static boolean containedInBranch(DiffContext ctx, SchemaNode old, SchemaNode updated, String keyword,
                                           boolean addedOnNewSide, ChangeKind branchAdded, ChangeKind branchRemoved) {
    SchemaNode list = addedOnNewSide ? updated.child(keyword) : old.child(keyword);
    int n = list.json().size();
    for (int i = 0; i < n; i++) {
      SchemaNode branch = list.element(i);
      DiffContext trial = ctx.trial();
      if (addedOnNewSide) {
        SchemaDiff.compare(trial, old.with(withoutCombinators(old.json())), branch);
      } else {
        SchemaDiff.compare(trial, branch, updated.with(withoutCombinators(updated.json())));
      }
      boolean contained = trial.changes().stream().map(d -> d.change().kind().strict())
          .noneMatch(b -> addedOnNewSide ? b.backward() : b.forward());
      if (!contained) {
        continue;
      }
      if (keyword.equals("oneOf")) {
        for (int j = 0; j < n; j++) {
          if (j != i && !disjoint(deref(ctx, branch), deref(ctx, list.element(j)))) {
            return false; // an instance of the contained schema might match two branches
          }
        }
      }
      ctx.adopt(trial);
      for (int j = 0; j < n; j++) {
        if (j != i && !list.element(j).acceptsEverything()) {
          if (addedOnNewSide) {
            ctx.report(branchAdded, old, list.element(j), keyword + " branch " + j + " added next to the old schema");
          } else {
            ctx.report(branchRemoved, list.element(j), updated, keyword + " branch " + j + " removed");
          }
        }
      }
      return true;
    }
    return false;
  }

  /** The same schema without anyOf/oneOf: the other keywords are what the trial compares against a branch. */
  private static JsonNode withoutCombinators(JsonNode json) {
    if (!json.isObject() || !json.has("anyOf") && !json.has("oneOf")) {
      return json;
    }
    tools.jackson.databind.node.ObjectNode copy = ((tools.jackson.databind.node.ObjectNode) json).deepCopy();
    copy.remove("anyOf");
    copy.remove("oneOf");
    return copy;
  }

  private static SchemaNode deref(DiffContext ctx, SchemaNode node) {
    References.Resolution r = ctx.references().deref(node);
    return r instanceof References.Resolved res ? res.node() : null;
  }

  private static void oneOfOverlap(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    JsonNode a = old.get("oneOf");
    JsonNode b = updated.get("oneOf");
    if (a == null || b == null || !a.isArray() || !b.isArray() || a.equals(b) && !ctx.containsReference(a)
        || TypeSet.foldable(old, "oneOf") || TypeSet.foldable(updated, "oneOf")) {
      return;
    }
    if (!ctx.containsReference(a) && !ctx.containsReference(b) && sameBranches(a, b)) {
      return; // only reordered
    }
    String overlapOld = overlap(ctx, old.child("oneOf"));
    String overlapNew = overlap(ctx, updated.child("oneOf"));
    if (overlapOld != null || overlapNew != null) {
      ctx.report(ChangeKind.ONE_OF_BRANCHES_MAY_OVERLAP, old.child("oneOf"), updated.child("oneOf"),
          overlapNew != null ? "new " + overlapNew : "old " + overlapOld);
    }
  }

  private static boolean sameBranches(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    List<String> ka = new ArrayList<>();
    List<String> kb = new ArrayList<>();
    a.forEach(x -> ka.add(JsonValues.key(x)));
    b.forEach(x -> kb.add(JsonValues.key(x)));
    java.util.Collections.sort(ka);
    java.util.Collections.sort(kb);
    return ka.equals(kb);
  }

  /** A description of two branches not provably disjoint, or null when all branches are pairwise disjoint. */
  private static String overlap(DiffContext ctx, SchemaNode list) {
    int n = list.json().size();
    List<SchemaNode> branches = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      References.Resolution r = ctx.references().deref(list.element(i));
      branches.add(r instanceof References.Resolved res ? res.node() : null);
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (!disjoint(branches.get(i), branches.get(j))) {
          return "branches " + i + " and " + j + " may both match";
        }
      }
    }
    return null;
  }

  /** True only when no instance can satisfy both schemas (by type, by enum/const, or by a required discriminator). */
  static boolean disjoint(SchemaNode x, SchemaNode y) {
    if (x == null || y == null) {
      return false;
    }
    if (x.rejectsEverything() || y.rejectsEverything()) {
      return true;
    }
    if (x.has("type") && y.has("type") && TypeSet.of(x).disjoint(TypeSet.of(y))) {
      return true;
    }
    if (valuesDisjoint(x, y)) {
      return true;
    }
    List<String> rx = ObjectSchemaDiff.strings(x.get("required"));
    List<String> ry = ObjectSchemaDiff.strings(y.get("required"));
    for (String p : rx) {
      if (ry.contains(p) && x.child("properties").has(p) && y.child("properties").has(p)
          && valuesDisjoint(x.child("properties", p), y.child("properties", p))) {
        return true;
      }
    }
    return false;
  }

  private static boolean valuesDisjoint(SchemaNode x, SchemaNode y) {
    Map<String, JsonNode> vx = EnumConstDiff.allowed(x);
    Map<String, JsonNode> vy = EnumConstDiff.allowed(y);
    if (vx == null || vy == null) {
      return false;
    }
    for (String k : vx.keySet()) {
      if (vy.containsKey(k)) {
        return false;
      }
    }
    return true;
  }

  private static void not(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    boolean ha = old.has("not");
    boolean hb = updated.has("not");
    if (ha && hb) {
      JsonNode a = old.get("not");
      JsonNode b = updated.get("not");
      if (!a.equals(b) || ctx.containsReference(a)) {
        // not is contravariant: excluding more (the not-schema widened) accepts less. A trial comparison of the two
        // not-schemas decides the direction; only without references, so no cycle assumption is used under "not".
        boolean[] broken = ctx.containsReference(a) || ctx.containsReference(b) ? null
            : trialBreaks(ctx, old.child("not"), updated.child("not"));
        String detail = "was " + a + ", now " + b;
        if (broken != null && !broken[0] && !broken[1]) {
          return; // the same excluded set, written differently
        } else if (broken != null && !broken[0]) {
          ctx.report(ChangeKind.NOT_SCHEMA_WIDENED, old.child("not"), updated.child("not"), detail);
        } else if (broken != null && !broken[1]) {
          ctx.report(ChangeKind.NOT_SCHEMA_NARROWED, old.child("not"), updated.child("not"), detail);
        } else {
          ctx.report(ChangeKind.NOT_CHANGED, old.child("not"), updated.child("not"), detail);
        }
      }
      return;
    }
    if (hb && !updated.child("not").rejectsEverything()) {
      ctx.report(ChangeKind.NOT_ADDED, old.child("not"), updated.child("not"), updated.get("not").toString());
    } else if (ha && !old.child("not").rejectsEverything()) {
      ctx.report(ChangeKind.NOT_REMOVED, old.child("not"), updated.child("not"), old.get("not").toString());
    }
  }

  private static void conditional(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    boolean ha = old.has("if");
    boolean hb = updated.has("if");
    if (!ha && !hb) {
      return;
    }
    if (ha && hb && (!old.get("if").equals(updated.get("if")) || ctx.containsReference(old.get("if")))
        && (effective(old) || effective(updated))) {
      String detail = "was " + old.get("if") + ", now " + updated.get("if");
      Boolean stricter = monotoneCondition(ctx, old, updated);
      if (stricter == null) {
        ctx.report(ChangeKind.CONDITION_CHANGED, old.child("if"), updated.child("if"), detail);
      } else if (stricter) {
        ctx.report(ChangeKind.CONDITIONAL_BRANCH_NARROWED, old.child("if"), updated.child("if"), detail);
      } else {
        ctx.report(ChangeKind.CONDITIONAL_BRANCH_WIDENED, old.child("if"), updated.child("if"), detail);
      }
      return;
    }
    // Same condition, or a condition on one side only (then/else of a side without "if" are ignored: anything).
    SchemaNode ta = ha ? old.child("then") : old.child("then").with(TRUE);
    SchemaNode tb = hb ? updated.child("then") : updated.child("then").with(TRUE);
    // Witness search needs an instance that meets the condition (then) or fails it (else).
    InstanceSampler sampler = new InstanceSampler(ctx.references());
    SchemaNode condition = ha ? old.child("if") : updated.child("if");
    Hint[] meets = hint(sampler.sample(condition, false), sampler.sample(condition, true));
    SchemaDiff.compareSubschema(ctx, ta, tb, ChangeKind.CONDITIONAL_BRANCH_NARROWED,
        ChangeKind.CONDITIONAL_BRANCH_WIDENED, meets);
    SchemaNode ea = ha ? old.child("else") : old.child("else").with(TRUE);
    SchemaNode eb = hb ? updated.child("else") : updated.child("else").with(TRUE);
    SchemaDiff.compareSubschema(ctx, ea, eb, ChangeKind.CONDITIONAL_BRANCH_NARROWED,
        ChangeKind.CONDITIONAL_BRANCH_WIDENED);
  }

  /**
   * With the same then/else on both sides and only one of them constraining, the rule is monotone in the condition:
   * "if I then T" is "not I or T", so a wider I is stricter; "if I else E" is "I or E", so a wider I is looser.
   * Returns true (stricter), false (looser), or null when undecided (both branches constrain, branches differ, the
   * conditions are not comparable, or references are involved).
   */
  private static Boolean monotoneCondition(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    JsonNode ia = old.get("if");
    JsonNode ib = updated.get("if");
    for (String k : new String[] {"then", "else"}) {
      JsonNode x = old.child(k).json();
      JsonNode y = updated.child(k).json();
      if (!x.equals(y) || ctx.containsReference(x)) {
        return null;
      }
    }
    boolean thenOnly = !old.child("then").acceptsEverything() && old.child("else").acceptsEverything();
    boolean elseOnly = old.child("then").acceptsEverything() && !old.child("else").acceptsEverything();
    if (!thenOnly && !elseOnly || ctx.containsReference(ia) || ctx.containsReference(ib)) {
      return null;
    }
    boolean[] broken = trialBreaks(ctx, old.child("if"), updated.child("if"));
    if (!broken[0] && !broken[1]) {
      return null; // the same condition written differently; reported as changed, conservatively
    }
    if (!broken[0]) { // old condition within new: the condition widened
      return thenOnly;
    }
    if (!broken[1]) { // new condition within old: the condition narrowed
      return !thenOnly;
    }
    return null;
  }

  /** Which directions a trial comparison of {@code a} (as old) with {@code b} (as new) may break: {backward, forward}. */
  private static boolean[] trialBreaks(DiffContext ctx, SchemaNode a, SchemaNode b) {
    DiffContext trial = ctx.trial();
    SchemaDiff.compare(trial, a, b);
    boolean backward = false;
    boolean forward = false;
    for (DetectedChange d : trial.changes()) {
      backward |= d.change().kind().strict().backward();
      forward |= d.change().kind().strict().forward();
    }
    return new boolean[] {backward, forward};
  }

  private static Hint[] hint(JsonNode... values) {
    return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).map(Hint.Value::new)
        .toArray(Hint[]::new);
  }

  private static boolean effective(SchemaNode node) {
    return !node.child("then").acceptsEverything() || !node.child("else").acceptsEverything();
  }

}
