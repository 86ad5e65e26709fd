package org.canonicalregistry.schema.compat;

import tools.jackson.databind.JsonNode;

/**
 * Array keywords. Per position, an element must satisfy {@code prefixItems[i]} when present, else {@code items}
 * (anything when absent); positions are compared pairwise, then the tail. {@code contains} is covariant; absence of
 * {@code contains} is no constraint (unlike {@code contains: true}, which demands a non-empty array).
 */
final class ArraySchemaDiff {
  private ArraySchemaDiff() {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    int pa = size(old.get("prefixItems"));
    int pb = size(updated.get("prefixItems"));
    int common = Math.max(pa, pb);
    for (int i = 0; i < common; i++) {
      try (DiffContext.Scope s = ctx.at(new InstanceStep.Index(i, false))) {
        SchemaDiff.compareSubschema(ctx, position(old, i, pa), position(updated, i, pb), ChangeKind.ITEMS_NARROWED,
            ChangeKind.ITEMS_WIDENED);
      }
    }
    try (DiffContext.Scope s = ctx.at(new InstanceStep.Index(common, true))) {
      if (!hasUnevaluatedWithApplicators(old) && !hasUnevaluatedWithApplicators(updated)) {
        // One schema per version for the positions past prefixItems: items, else unevaluatedItems, else anything.
        if (old.has("items") || updated.has("items")) {
          SchemaDiff.compareSubschema(ctx, tail(old), tail(updated), ChangeKind.ITEMS_NARROWED,
              ChangeKind.ITEMS_WIDENED);
        } else if (old.has("unevaluatedItems") || updated.has("unevaluatedItems")) {
          SchemaDiff.compareSubschema(ctx, tail(old), tail(updated), ChangeKind.UNEVALUATED_ITEMS_NARROWED,
              ChangeKind.UNEVALUATED_ITEMS_WIDENED);
        }
      } else {
        if (old.has("items") || updated.has("items")) {
          SchemaDiff.compareSubschema(ctx, old.child("items"), updated.child("items"), ChangeKind.ITEMS_NARROWED,
              ChangeKind.ITEMS_WIDENED);
        }
      }
      if ((hasUnevaluatedWithApplicators(old) || hasUnevaluatedWithApplicators(updated))
          && (old.has("unevaluatedItems") || updated.has("unevaluatedItems"))) {
        SchemaDiff.compareSubschema(ctx, old.child("unevaluatedItems"), updated.child("unevaluatedItems"),
            ChangeKind.UNEVALUATED_ITEMS_NARROWED, ChangeKind.UNEVALUATED_ITEMS_WIDENED);
      }
      if ((hasUnevaluatedWithApplicators(old) || hasUnevaluatedWithApplicators(updated))
          && (pa != pb || ObjectSchemaDiff.applicatorsDiffer(ctx, old, updated))) {
        ctx.report(ChangeKind.UNEVALUATED_ITEMS_UNDECIDED, old.child("unevaluatedItems"),
            updated.child("unevaluatedItems"), "prefixItems or applicators that may evaluate items changed");
      }
    }
    contains(ctx, old, updated);
    Bounds.lower(ctx, old, updated, "minItems", 0, ChangeKind.MIN_ITEMS_INCREASED, ChangeKind.MIN_ITEMS_DECREASED,
        Hint.ArrayOfSize::new);
    Bounds.upper(ctx, old, updated, "maxItems", ChangeKind.MAX_ITEMS_DECREASED, ChangeKind.MAX_ITEMS_INCREASED,
        Hint.ArrayOfSize::new);
    boolean ua = old.has("uniqueItems") && old.get("uniqueItems").asBoolean(false);
    boolean ub = updated.has("uniqueItems") && updated.get("uniqueItems").asBoolean(false);
    if (ua != ub) {
      ctx.report(ub ? ChangeKind.UNIQUE_ITEMS_ADDED : ChangeKind.UNIQUE_ITEMS_REMOVED, old.child("uniqueItems"),
          updated.child("uniqueItems"), ub ? "uniqueItems now true" : "uniqueItems now false", new Hint.DuplicateElements());
    }
  }

  private static SchemaNode position(SchemaNode node, int i, int prefix) {
    return i < prefix ? node.child("prefixItems").element(i) : tail(node);
  }

  /**
   * The schema for positions past prefixItems: items; else unevaluatedItems when nothing else can evaluate them
   * (closed by {@code unevaluatedItems: false} is closed, not open); else anything.
   */
  private static SchemaNode tail(SchemaNode node) {
    if (!node.has("items") && node.has("unevaluatedItems") && !hasUnevaluatedWithApplicators(node)) {
      return node.child("unevaluatedItems");
    }
    return node.child("items");
  }

  /** False for no contains, and for {@code minContains: 0} without maxContains, which always passes (6.4.5). */
  private static boolean constrainsByContains(SchemaNode node) {
    if (!node.has("contains")) {
      return false;
    }
    java.math.BigDecimal min = JsonValues.number(node.get("minContains"));
    return !(min != null && min.signum() == 0 && !node.has("maxContains"));
  }

  private static int size(JsonNode array) {
    return array != null && array.isArray() ? array.size() : 0;
  }

  /**
   * True when {@code unevaluatedItems} may apply to positions that something other than prefixItems evaluates: an
   * in-place applicator, or {@code contains} (its matches count as evaluated in 2020-12). With {@code items} present
   * every position is evaluated next door and {@code unevaluatedItems} never applies.
   */
  private static boolean hasUnevaluatedWithApplicators(SchemaNode node) {
    if (!node.has("unevaluatedItems") || node.child("unevaluatedItems").acceptsEverything() || node.has("items")) {
      return false;
    }
    if (node.has("contains")) {
      return true;
    }
    for (String k : Keywords.IN_PLACE_APPLICATORS) {
      if (node.has(k)) {
        return true;
      }
    }
    return false;
  }

  private static void contains(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    boolean ca = constrainsByContains(old);
    boolean cb = constrainsByContains(updated);
    if (cb && !ca) {
      ctx.report(ChangeKind.CONTAINS_ADDED, old.child("contains"), updated.child("contains"), "contains added",
          new Hint.ArrayOfSize(0));
      return;
    }
    if (ca && !cb) {
      ctx.report(ChangeKind.CONTAINS_REMOVED, old.child("contains"), updated.child("contains"), "contains removed",
          new Hint.ArrayOfSize(0));
      return;
    }
    if (!ca) {
      return;
    }
    try (DiffContext.Scope s = ctx.at(new InstanceStep.Index(0, false))) {
      SchemaDiff.compare(ctx, old.child("contains"), updated.child("contains"));
    }
    Bounds.lower(ctx, old, updated, "minContains", 1, ChangeKind.MIN_CONTAINS_INCREASED,
        ChangeKind.MIN_CONTAINS_DECREASED, Hint.ArrayOfSize::new);
    Bounds.upper(ctx, old, updated, "maxContains", ChangeKind.MAX_CONTAINS_DECREASED,
        ChangeKind.MAX_CONTAINS_INCREASED, Hint.ArrayOfSize::new);
  }
}
