package org.canonicalregistry.schema.compat;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Object keywords. Per property name, the schema a name gets is the conjunction of {@code properties[name]} and every
 * matching {@code patternProperties} entry, or else the fallback ({@code additionalProperties}, or
 * {@code unevaluatedProperties} when no in-place applicator could evaluate the name, or anything). A property absent
 * from an instance is unconstrained, so adding a constrained property to an open model narrows the set (an instance
 * could already carry the name with another value) and adding one to a closed model widens it.
 */
final class ObjectSchemaDiff {
  private ObjectSchemaDiff() {
  }

  static void compare(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    properties(ctx, old, updated);
    required(ctx, old, updated);
    patternProperties(ctx, old, updated);
    try (DiffContext.Scope s = ctx.at(new InstanceStep.OtherKey())) {
      if (!unevaluatedWithApplicators(old) && !unevaluatedWithApplicators(updated)) {
        // Undeclared names get one schema per version: additionalProperties, else unevaluatedProperties (nothing
        // else evaluates them), else anything. Comparing the keywords one by one would miss "closed by
        // unevaluatedProperties, opened by an additionalProperties schema".
        undeclared(ctx, old, updated);
      } else if (old.has("additionalProperties") || updated.has("additionalProperties")) {
        SchemaDiff.compareSubschema(ctx, old.child("additionalProperties"), updated.child("additionalProperties"),
            ChangeKind.ADDITIONAL_PROPERTIES_NARROWED, ChangeKind.ADDITIONAL_PROPERTIES_WIDENED);
      }
      if ((unevaluatedWithApplicators(old) || unevaluatedWithApplicators(updated))
          && (old.has("unevaluatedProperties") || updated.has("unevaluatedProperties"))) {
        SchemaDiff.compareSubschema(ctx, old.child("unevaluatedProperties"), updated.child("unevaluatedProperties"),
            ChangeKind.UNEVALUATED_PROPERTIES_NARROWED, ChangeKind.UNEVALUATED_PROPERTIES_WIDENED);
      }
    }
    try (DiffContext.Scope s = ctx.at(new InstanceStep.Name())) {
      if (old.has("propertyNames") || updated.has("propertyNames")) {
        SchemaDiff.compareSubschema(ctx, old.child("propertyNames"), updated.child("propertyNames"),
            ChangeKind.PROPERTY_NAMES_NARROWED, ChangeKind.PROPERTY_NAMES_WIDENED);
      }
    }
    Bounds.lower(ctx, old, updated, "minProperties", 0, ChangeKind.MIN_PROPERTIES_INCREASED,
        ChangeKind.MIN_PROPERTIES_DECREASED, Hint.ObjectOfSize::new);
    Bounds.upper(ctx, old, updated, "maxProperties", ChangeKind.MAX_PROPERTIES_DECREASED,
        ChangeKind.MAX_PROPERTIES_INCREASED, Hint.ObjectOfSize::new);
    dependentRequired(ctx, old, updated);
    dependentSchemas(ctx, old, updated);
  }

  private static void properties(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    Set<String> names = new LinkedHashSet<>(names(old.get("properties")));
    names.addAll(names(updated.get("properties")));
    boolean undecided = false;
    for (String name : names) {
      ctx.checkCancelled();
      boolean inOld = hasProperty(old, name);
      boolean inNew = hasProperty(updated, name);
      try (DiffContext.Scope s = ctx.at(new InstanceStep.Key(name))) {
        SchemaNode a = effective(old, name);
        SchemaNode b = effective(updated, name);
        if (inOld && inNew) {
          SchemaDiff.compare(ctx, a, b);
          continue;
        }
        undecided |= unevaluatedWithApplicators(old) || unevaluatedWithApplicators(updated);
        if (inNew) {
          if (a.acceptsEverything()) {
            if (!b.acceptsEverything()) {
              ctx.report(ChangeKind.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, a, b, "property '" + name + "' added",
                  nonConforming());
            }
          } else if (a.rejectsEverything()) {
            if (!b.rejectsEverything()) {
              ctx.report(ChangeKind.PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, a, b, "property '" + name + "' added");
            }
          } else {
            SchemaDiff.compare(ctx, a, b);
          }
        } else {
          if (b.acceptsEverything()) {
            if (!a.acceptsEverything()) {
              ctx.report(ChangeKind.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, a, b, "property '" + name + "' removed",
                  nonConforming());
            }
          } else if (b.rejectsEverything()) {
            if (!a.rejectsEverything()) {
              ctx.report(ChangeKind.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, a, b,
                  "property '" + name + "' removed");
            }
          } else {
            SchemaDiff.compare(ctx, a, b);
          }
        }
      }
    }
    // Under unevaluatedProperties, a change inside allOf/anyOf/$ref/... may change which names count as evaluated.
    undecided |= (unevaluatedWithApplicators(old) || unevaluatedWithApplicators(updated))
        && applicatorsDiffer(ctx, old, updated);
    if (undecided) {
      ctx.report(ChangeKind.UNEVALUATED_PROPERTIES_UNDECIDED, old.child("unevaluatedProperties"),
          updated.child("unevaluatedProperties"),
          "properties were added or removed next to allOf/anyOf/oneOf/$ref/if that may evaluate them");
    }
  }

  private static void undeclared(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    boolean additional = old.has("additionalProperties") || updated.has("additionalProperties");
    if (!additional && !old.has("unevaluatedProperties") && !updated.has("unevaluatedProperties")) {
      return;
    }
    SchemaDiff.compareSubschema(ctx, fallback(old), fallback(updated),
        additional ? ChangeKind.ADDITIONAL_PROPERTIES_NARROWED : ChangeKind.UNEVALUATED_PROPERTIES_NARROWED,
        additional ? ChangeKind.ADDITIONAL_PROPERTIES_WIDENED : ChangeKind.UNEVALUATED_PROPERTIES_WIDENED);
  }

  /** True when some in-place applicator differs between the two versions (structurally or through references). */
  static boolean applicatorsDiffer(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    for (String k : Keywords.IN_PLACE_APPLICATORS) {
      JsonNode a = old.get(k);
      JsonNode b = updated.get(k);
      if (a == null && b == null) {
        continue;
      }
      // "$ref" holds a string, not a schema: the referenced schema may have changed whatever the string says.
      boolean referring = k.equals("$ref") || ctx.containsReference(a);
      if (a == null || !a.equals(b)
          || referring && !ctx.sameDocuments(old.document(), updated.document())) {
        return true;
      }
    }
    return false;
  }

  /** Values of every JSON type, so that one of them violates whatever a property schema demands. */
  private static Hint[] nonConforming() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("unexpected", true);
    return new Hint[] {new Hint.Value(f.nullNode()), new Hint.Value(f.booleanNode(false)),
        new Hint.Value(f.numberNode(-1.5)), new Hint.Value(f.stringNode("")), new Hint.Value(o),
        new Hint.Value(f.arrayNode().add(f.nullNode()))};
  }

  private static boolean hasProperty(SchemaNode node, String name) {
    JsonNode p = node.get("properties");
    return p != null && p.isObject() && p.has(name);
  }

  private static List<String> names(JsonNode object) {
    return object != null && object.isObject() ? new ArrayList<>(object.propertyNames()) : List.of();
  }

  static boolean unevaluatedWithApplicators(SchemaNode node) {
    // With additionalProperties present every name is evaluated next door, so unevaluatedProperties never applies.
    if (!node.has("unevaluatedProperties") || node.child("unevaluatedProperties").acceptsEverything()
        || node.has("additionalProperties")) {
      return false;
    }
    for (String k : Keywords.IN_PLACE_APPLICATORS) {
      if (node.has(k)) {
        return true;
      }
    }
    return false;
  }

  /** The schema the instance's property {@code name} must satisfy under {@code node}. */
  static SchemaNode effective(SchemaNode node, String name) {
    List<SchemaNode> applicable = new ArrayList<>();
    if (hasProperty(node, name)) {
      applicable.add(node.child("properties", name));
    }
    JsonNode patterns = node.get("patternProperties");
    if (patterns != null && patterns.isObject()) {
      for (String p : patterns.propertyNames()) {
        if (matches(p, name)) {
          applicable.add(node.child("patternProperties", p));
        }
      }
    }
    if (applicable.isEmpty()) {
      return fallback(node);
    }
    if (applicable.size() == 1) {
      return applicable.get(0);
    }
    ObjectNode allOf = JsonNodeFactory.instance.objectNode();
    applicable.forEach(a -> allOf.withArray("allOf").add(a.json()));
    return applicable.get(0).with(allOf);
  }

  /** The schema for names neither declared nor matched by a pattern. */
  static SchemaNode fallback(SchemaNode node) {
    if (node.has("additionalProperties")) {
      return node.child("additionalProperties");
    }
    if (node.has("unevaluatedProperties") && !unevaluatedWithApplicators(node)) {
      return node.child("unevaluatedProperties");
    }
    return node.child("additionalProperties");
  }

  static boolean matches(String pattern, String name) {
    try {
      return Pattern.compile(pattern).matcher(name).find();
    } catch (PatternSyntaxException e) {
      return true; // unknown regex: assume it may match, which keeps the comparison conservative
    }
  }

  private static void required(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    List<String> a = strings(old.get("required"));
    List<String> b = strings(updated.get("required"));
    for (int i = 0; i < b.size(); i++) {
      if (!a.contains(b.get(i))) {
        try (DiffContext.Scope s = ctx.at(new InstanceStep.Key(b.get(i)))) {
          ctx.report(ChangeKind.REQUIRED_PROPERTY_ADDED, old.child("required"), updated.child("required").element(i),
              "'" + b.get(i) + "' is required", new Hint.Remove());
        }
      }
    }
    for (int i = 0; i < a.size(); i++) {
      if (!b.contains(a.get(i))) {
        try (DiffContext.Scope s = ctx.at(new InstanceStep.Key(a.get(i)))) {
          ctx.report(ChangeKind.REQUIRED_PROPERTY_REMOVED, old.child("required").element(i), updated.child("required"),
              "'" + a.get(i) + "' is no longer required", new Hint.Remove());
        }
      }
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode n : array) {
        if (n.isString() && !out.contains(n.asString())) {
          out.add(n.asString());
        }
      }
    }
    return out;
  }

  private static void patternProperties(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    List<String> a = names(old.get("patternProperties"));
    List<String> b = names(updated.get("patternProperties"));
    for (String p : b) {
      try (DiffContext.Scope s = ctx.at(keyFor(p))) {
        SchemaNode n = updated.child("patternProperties", p);
        if (a.contains(p)) {
          SchemaDiff.compare(ctx, old.child("patternProperties", p), n);
          continue;
        }
        SchemaNode o = fallback(old);
        if (o.acceptsEverything()) {
          // Open model: a new pattern can only add constraints, whatever other patterns match too.
          if (!n.acceptsEverything()) {
            ctx.report(ChangeKind.PATTERN_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL, o, n, p, nonConforming());
          }
        } else if (!a.isEmpty()) {
          ctx.report(ChangeKind.PATTERN_PROPERTIES_CHANGED, old.child("patternProperties"), n,
              "pattern " + p + " added next to other patterns that may overlap");
        } else if (o.rejectsEverything()) {
          if (!n.rejectsEverything()) {
            ctx.report(ChangeKind.PATTERN_PROPERTY_ADDED_TO_CLOSED_CONTENT_MODEL, o, n, p);
          }
        } else {
          SchemaDiff.compare(ctx, o, n);
        }
      }
    }
    for (String p : a) {
      if (b.contains(p)) {
        continue;
      }
      try (DiffContext.Scope s = ctx.at(keyFor(p))) {
        SchemaNode o = old.child("patternProperties", p);
        SchemaNode n = fallback(updated);
        if (n.acceptsEverything()) {
          if (!o.acceptsEverything()) {
            ctx.report(ChangeKind.PATTERN_PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, o, n, p, nonConforming());
          }
        } else if (!b.isEmpty()) {
          ctx.report(ChangeKind.PATTERN_PROPERTIES_CHANGED, o, updated.child("patternProperties"),
              "pattern " + p + " removed next to other patterns that may overlap");
        } else if (n.rejectsEverything()) {
          if (!o.rejectsEverything()) {
            ctx.report(ChangeKind.PATTERN_PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, o, n, p);
          }
        } else {
          SchemaDiff.compare(ctx, o, n);
        }
      }
    }
  }

  /** A property name that matches {@code pattern}, for witness placement; opaque when none is found. */
  private static InstanceStep keyFor(String pattern) {
    String literal = pattern.replace("^", "").replace("$", "").replace("\\", "");
    for (String candidate : new String[] {literal, literal + "a", "a" + literal, "a", "x", "A", "0", "ab", "x-a", "a1"}) {
      if (!candidate.isEmpty() && matches(pattern, candidate)) {
        return new InstanceStep.Key(candidate);
      }
    }
    return new InstanceStep.Opaque();
  }

  private static void dependentRequired(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    Set<String> keys = new LinkedHashSet<>(names(old.get("dependentRequired")));
    keys.addAll(names(updated.get("dependentRequired")));
    for (String key : keys) {
      List<String> a = strings(old.child("dependentRequired").get(key));
      List<String> b = strings(updated.child("dependentRequired").get(key));
      try (DiffContext.Scope s = ctx.at(new InstanceStep.Key(key))) {
        for (String name : b) {
          if (!a.contains(name)) {
            ctx.report(ChangeKind.DEPENDENT_REQUIRED_ADDED, old.child("dependentRequired", key),
                updated.child("dependentRequired", key), "'" + name + "' when '" + key + "' is present");
          }
        }
        for (String name : a) {
          if (!b.contains(name)) {
            ctx.report(ChangeKind.DEPENDENT_REQUIRED_REMOVED, old.child("dependentRequired", key),
                updated.child("dependentRequired", key), "'" + name + "' when '" + key + "' is present");
          }
        }
      }
    }
  }

  private static void dependentSchemas(DiffContext ctx, SchemaNode old, SchemaNode updated) {
    Set<String> keys = new LinkedHashSet<>(names(old.get("dependentSchemas")));
    keys.addAll(names(updated.get("dependentSchemas")));
    for (String key : keys) {
      SchemaNode a = old.child("dependentSchemas", key);
      SchemaNode b = updated.child("dependentSchemas", key);
      boolean inOld = old.has("dependentSchemas") && old.get("dependentSchemas").has(key);
      boolean inNew = updated.has("dependentSchemas") && updated.get("dependentSchemas").has(key);
      if (inOld && inNew) {
        SchemaDiff.compare(ctx, a, b);
      } else {
        // placed at the trigger property, so that witness search makes it present
        try (DiffContext.Scope s = ctx.at(new InstanceStep.Key(key))) {
          if (inNew && !b.acceptsEverything()) {
            ctx.report(ChangeKind.DEPENDENT_SCHEMA_ADDED, a, b, "'" + key + "'");
          } else if (inOld && !a.acceptsEverything()) {
            ctx.report(ChangeKind.DEPENDENT_SCHEMA_REMOVED, a, b, "'" + key + "'");
          }
        }
      }
    }
  }
}
