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
      if (old.has("items") || updated.has("items")) {
        SchemaDiff.compareSubschema(ctx, old.child("items"), updated.child("items"), ChangeKind.ITEMS_NARROWED,
            ChangeKind.ITEMS_WIDENED);
      }
      if (old.has("unevaluatedItems") || updated.has("unevaluatedItems")) {
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
    return i < prefix ? node.child("prefixItems").element(i) : node.child("items");
  }

  private static int size(JsonNode array) {
    return array != null && array.isArray() ? array.size() : 0;
  }

  private static boolean hasUnevaluatedWithApplicators(SchemaNode node) {
    if (!node.has("unevaluatedItems") || node.child("unevaluatedItems").acceptsEverything()) {
      return false;
    }
    for (String k : Keywords.IN_PLACE_APPLICATORS) {
      if (node.has(k)) {
        return true;
      }
    }
    return false;
  }

  private static void contains(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    boolean ca = old.has("contains");
    boolean cb = updated.has("contains");
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
