package org.canonicalregistry.schema.compat;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.node.JsonNodeFactory;

/** {@code type}, including type lists such as {@code ["string","null"]}; {@code integer} is a subset of {@code number}. */
final class TypeSchemaDiff {
  private TypeSchemaDiff() {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated, TypeSet a, TypeSet b) {
    if (a.equals(b)) {
      return;
    }
    String detail = "was " + a + ", now " + b;
    SchemaNode o = old.child("type");
    SchemaNode n = updated.child("type");
    if (a.containsAll(b)) {
      ctx.report(ChangeKind.TYPE_NARROWED, o, n, detail, samples(a.minus(b)));
    } else if (b.containsAll(a)) {
      ctx.report(ChangeKind.TYPE_WIDENED, o, n, detail, samples(b.minus(a)));
    } else {
      List<Hint> hints = new ArrayList<>(samples(a.minus(b)));
      hints.addAll(samples(b.minus(a)));
      ctx.report(ChangeKind.TYPE_CHANGED, o, n, detail, hints);
    }
  }

  /** One representative value per type atom, for witness search. */
  static List<Hint> samples(TypeSet types) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<Hint> hints = new ArrayList<>();
    if (types.admits(TypeSet.NULL)) hints.add(new Hint.Value(f.nullNode()));
    if (types.admits(TypeSet.BOOLEAN)) hints.add(new Hint.Value(f.booleanNode(true)));
    if (types.admits(TypeSet.INTEGER)) hints.add(new Hint.Value(f.numberNode(1)));
    if (types.admits(TypeSet.FRACTION)) hints.add(new Hint.Value(f.numberNode(1.5)));
    if (types.admits(TypeSet.STRING)) hints.add(new Hint.Value(f.stringNode("a")));
    if (types.admits(TypeSet.OBJECT)) hints.add(new Hint.Value(f.objectNode()));
    if (types.admits(TypeSet.ARRAY)) hints.add(new Hint.Value(f.arrayNode()));
    return hints;
  }
}
