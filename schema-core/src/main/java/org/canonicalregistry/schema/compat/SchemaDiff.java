package org.canonicalregistry.schema.compat;

import java.util.List;

/**
 * The hub of the walk: the only place that recurses. It resolves bare references, handles boolean schemas, skips
 * equal subtrees and cycles, then hands the pair to one small differ per keyword family. The differs only
 * <em>detect</em> (record a {@link ChangeKind} with pointers); policies judge later.
 */
final class SchemaDiff {
  private SchemaDiff() {
  }

  static List<DetectedChange> diff(References references, SchemaDocument old, SchemaDocument updated) {
    DiffContext ctx = new DiffContext(references);
    if (!old.root().equals(updated.root())) {
      compare(ctx, SchemaNode.root(old), SchemaNode.root(updated));
    }
    return ctx.changes();
  }

  /** Compares two subschemas constraining the same instance location. */
  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    ctx.checkCancelled();
    References.Resolution o;
    References.Resolution n;
    if (References.isBareReference(old) && hasReferenceWithSiblings(updated)
        || References.isBareReference(updated) && hasReferenceWithSiblings(old)) {
      // {$ref: T} against {$ref: T', maxLength: 3}: the combinator differ compares T with T' and the other differs
      // compare the siblings with nothing. Dereferencing only one side would set T's keywords against the siblings
      // and report T's type as added or removed.
      o = new References.Resolved(old);
      n = new References.Resolved(updated);
    } else {
      o = ctx.references().deref(old);
      n = ctx.references().deref(updated);
    }
    if (o instanceof References.Unresolved uo && n instanceof References.Unresolved un) {
      if (!uo.ref().equals(un.ref()) || !old.json().equals(updated.json())) {
        ctx.report(ChangeKind.REFERENCE_UNRESOLVED, old, updated, uo.ref() + ": " + uo.reason());
      }
      return;
    }
    if (o instanceof References.Unresolved u) {
      ctx.report(ChangeKind.REFERENCE_UNRESOLVED, old, updated, "old " + u.ref() + ": " + u.reason());
      return;
    }
    if (n instanceof References.Unresolved u) {
      ctx.report(ChangeKind.REFERENCE_UNRESOLVED, old, updated, "new " + u.ref() + ": " + u.reason());
      return;
    }
    SchemaNode a = ((References.Resolved) o).node();
    SchemaNode b = ((References.Resolved) n).node();

    if (a.acceptsEverything() && b.acceptsEverything()) {
      return;
    }
    if (b.rejectsEverything()) {
      if (!a.rejectsEverything()) {
        ctx.report(ChangeKind.SCHEMA_NARROWED_TO_FALSE, a, b, "the new schema is false");
      }
      return;
    }
    if (a.rejectsEverything()) {
      ctx.report(ChangeKind.SCHEMA_WIDENED_FROM_FALSE, a, b, "the old schema was false");
      return;
    }
    if (a.json().equals(b.json()) && (!ctx.containsReference(a.json()) || ctx.sameDocuments(a.document(), b.document()))) {
      return;
    }
    if (!ctx.begin(a, b)) {
      return; // compared already, or a cycle: assumed equal (instances are finite)
    }
    try {
      if (ctx.tooDeep()) {
        ctx.report(ChangeKind.UNDECIDABLE_KEYWORD_CHANGED, a, b,
            "nested deeper than " + DiffContext.MAX_DEPTH + " levels; not compared");
        return;
      }
      // {"allOf":[X]} against a schema that is not itself an allOf: compare X, not the wrapper with the other's keywords.
      if (unwraps(a, b)) {
        compare(ctx, singleBranch(a), b);
        return;
      }
      if (unwraps(b, a)) {
        compare(ctx, a, singleBranch(b));
        return;
      }
      TypeSet ta = TypeSet.effective(a);
      TypeSet tb = TypeSet.effective(b);
      TypeSchemaDiff.compare(ctx, a, b, ta, tb);
      EnumConstDiff.compare(ctx, a, b);
      if (ta.admits(TypeSet.NUMBER) || tb.admits(TypeSet.NUMBER)) {
        NumericSchemaDiff.compare(ctx, a, b, ta.integerOnly() && tb.integerOnly());
      }
      if (ta.admits(TypeSet.STRING) || tb.admits(TypeSet.STRING)) {
        StringSchemaDiff.compare(ctx, a, b);
      }
      if (ta.admits(TypeSet.OBJECT) || tb.admits(TypeSet.OBJECT)) {
        ObjectSchemaDiff.compare(ctx, a, b);
      }
      if (ta.admits(TypeSet.ARRAY) || tb.admits(TypeSet.ARRAY)) {
        ArraySchemaDiff.compare(ctx, a, b);
      }
      CombinatorSchemaDiff.compare(ctx, a, b);
      UnknownKeywordDiff.compare(ctx, a, b);
    } finally {
      ctx.end(a, b);
    }
  }

  private static boolean hasReferenceWithSiblings(SchemaNode node) {
    return node.has("$ref") && !References.isBareReference(node);
  }

  /**
   * The only branch of a single-branch {@code allOf}/{@code anyOf}/{@code oneOf} with nothing but annotations beside
   * it ({@code {"allOf":[X]}} accepts exactly what X accepts), or null.
   */
  private static SchemaNode singleBranch(SchemaNode node) {
    if (!node.json().isObject()) {
      return null;
    }
    String wrapper = null;
    for (String k : node.json().propertyNames()) {
      if (Keywords.ANNOTATIONS.contains(k)) {
        continue;
      }
      if (wrapper != null || !(k.equals("allOf") || k.equals("anyOf") || k.equals("oneOf"))
          || !node.get(k).isArray() || node.get(k).size() != 1) {
        return null;
      }
      wrapper = k;
    }
    return wrapper == null ? null : node.child(wrapper).element(0);
  }

  /** True when {@code node} is a single-branch wrapper and {@code other} does not use the same keyword. */
  private static boolean unwraps(SchemaNode node, SchemaNode other) {
    if (singleBranch(node) == null) {
      return false;
    }
    for (String k : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (node.has(k)) {
        return !other.has(k);
      }
    }
    return false;
  }

  /**
   * Compares a keyword whose absence means "anything" and whose value is a schema applied to sub-instances
   * ({@code additionalProperties}, {@code items}, {@code propertyNames}…). Opening or closing it is reported with the
   * family's own kinds; schema-to-schema changes recurse.
   */
  static void compareSubschema(DiffContext ctx, SchemaNode old, SchemaNode updated, ChangeKind narrowed,
                               ChangeKind widened, Hint... hints) {
    if (old.acceptsEverything() && updated.acceptsEverything()) {
      return;
    }
    if (updated.rejectsEverything()) {
      if (!old.rejectsEverything()) {
        ctx.report(narrowed, old, updated, old.acceptsEverything() ? "closed: was any value, now none" : "closed: now no value", hints);
      }
    } else if (old.rejectsEverything()) {
      ctx.report(widened, old, updated, updated.acceptsEverything() ? "opened: was no value, now any" : "opened: was no value", hints);
    } else if (old.acceptsEverything() && !References.isBareReference(updated)) {
      ctx.report(narrowed, old, updated, "constrained where any value was allowed", hints);
    } else if (updated.acceptsEverything() && !References.isBareReference(old)) {
      ctx.report(widened, old, updated, "any value allowed where values were constrained", hints);
    } else {
      compare(ctx, old, updated);
    }
  }
}
