package org.canonicalregistry.codegen.generator;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Decides every generated type and its name before any code is written. Names derive from the entity, the
 * {@code $defs} key, the property name or the discriminator value, never from visiting order; two positions that
 * derive the same name in one package are a build error naming both and the override option.
 */
final class TypePlanner {

  private static final Map<String, String> DEFAULT_FORMATS = Map.of(
      "date-time", "java.time.OffsetDateTime",
      "date", "java.time.LocalDate",
      "uuid", "java.util.UUID",
      "uri", "java.net.URI",
      "email", "java.lang.String");

  private final GeneratorOptions options;
  private final SchemaGraph graph;
  private final Map<String, String> formats;
  private final Map<Loc, Planned> planned = new LinkedHashMap<>();
  private final Map<ClassName, Loc> taken = new HashMap<>();
  private final Set<Loc> visiting = new HashSet<>();
  private final Map<Loc, String> inlineBranchNames = new HashMap<>();
  private final Map<Loc, Set<ClassName>> unionsOf = new HashMap<>();

  TypePlanner(GeneratorOptions options, SchemaGraph graph) {
    this.options = options;
    this.graph = graph;
    Map<String, String> f = new TreeMap<>(DEFAULT_FORMATS);
    f.putAll(options.formatTypes());
    this.formats = f;
  }

  /** Plans every type of every generating source, roots and {@code $defs} first, in document order. */
  Map<Loc, Planned> plan() {
    for (SchemaSource s : graph.generating()) {
      Loc root = new Loc(s, "");
      JsonNode json = root.node();
      if (!json.has("oneOf") && !json.has("enum") && !isObject(json)) {
        throw new CodegenException(root + ": the root must be an object, an enum or a oneOf to become a type");
      }
      visit(root);
      JsonNode defs = json.get("$defs");
      if (defs != null) {
        for (String key : defs.propertyNames()) {
          visit(root.child("$defs", key));
        }
      }
    }
    return planned;
  }

  /** The interfaces a record implements: the unions it is a branch of. */
  Set<ClassName> unionsOf(Loc loc) {
    return unionsOf.getOrDefault(loc, Set.of());
  }

  private void visit(Loc raw) {
    Loc loc = graph.deref(raw);
    if (planned.containsKey(loc) || !visiting.add(loc)) {
      return;
    }
    JsonNode n = loc.node();
    if (n.has("oneOf")) {
      planUnion(loc);
    } else if (n.has("enum")) {
      planEnum(loc);
    } else if (isObject(n)) {
      if (isMap(n)) {
        JsonNode ap = n.get("additionalProperties");
        if (ap.isObject()) {
          visit(loc.child("additionalProperties"));
        }
      } else {
        planRecord(loc);
      }
    } else if ("array".equals(baseType(loc))) {
      if (!n.has("items") || !n.get("items").isObject()) {
        throw new CodegenException(loc + ": an array needs an items schema to become a typed List");
      }
      visit(loc.child("items"));
    }
    for (String k : List.of("$defs")) {
      // Nested $defs (below the root) are plain positions too; root $defs are visited by plan().
      JsonNode defs = n.get(k);
      if (defs != null && !loc.pointer().isEmpty()) {
        for (String key : defs.propertyNames()) {
          visit(loc.child(k, key));
        }
      }
    }
  }

  private void planRecord(Loc loc) {
    ClassName name = claim(loc);
    Map<String, Planned.Property> props = new LinkedHashMap<>();
    collectProperties(loc, props, new LinkedHashSet<>(), new HashSet<>());
    Map<String, String> javaToWire = new HashMap<>();
    for (Planned.Property p : props.values()) {
      String previous = javaToWire.put(p.javaName(), p.wireName());
      if (previous != null) {
        throw new CodegenException(loc + ": properties '" + previous + "' and '" + p.wireName()
            + "' both become the component " + p.javaName() + "; rename one of them in the schema");
      }
    }
    JsonNode ap = loc.node().get("additionalProperties");
    boolean closed = ap != null && ap.isBoolean() && !ap.booleanValue();
    if (ap != null && ap.isObject()) {
      throw new CodegenException(loc + "/additionalProperties: a schema for extra members beside declared properties"
          + " has no record form; declare the map as its own property (an object with only additionalProperties)");
    }
    // Components in member-name order: the registry serves the canonical form (keys sorted), so sorting makes the
    // code a function of the content alone. Same fingerprint, same constructor, from a folder or a lock file.
    List<Planned.Property> sorted = props.values().stream()
        .sorted(java.util.Comparator.comparing(Planned.Property::wireName)).toList();
    planned.put(loc, new Planned.RecordType(name, loc, sorted, closed));
    for (Planned.Property p : props.values()) {
      visit(p.loc());
    }
  }

  /** Own properties, then those of every {@code allOf} branch (followed through {@code $ref}); first one wins. */
  private void collectProperties(Loc loc, Map<String, Planned.Property> into, Set<String> required, Set<Loc> seen) {
    if (!seen.add(loc)) {
      return;
    }
    JsonNode n = loc.node();
    JsonNode req = n.get("required");
    Set<String> requiredHere = new LinkedHashSet<>(required);
    if (req != null) {
      for (JsonNode r : req) {
        requiredHere.add(r.asString());
      }
    }
    JsonNode properties = n.get("properties");
    if (properties != null) {
      for (String wire : properties.propertyNames()) {
        into.putIfAbsent(wire, new Planned.Property(wire, Names.memberName(wire), loc.child("properties", wire),
            requiredHere.contains(wire)));
      }
    }
    JsonNode allOf = n.get("allOf");
    if (allOf != null) {
      for (int i = 0; i < allOf.size(); i++) {
        Loc branch = graph.deref(loc.child("allOf", Integer.toString(i)));
        if (!isObject(branch.node())) {
          throw new CodegenException(branch + ": an allOf branch must be an object schema to merge into a record");
        }
        collectProperties(branch, into, requiredHere, seen);
      }
    }
    // required may name properties declared in an allOf branch
    for (Map.Entry<String, Planned.Property> e : into.entrySet()) {
      if (requiredHere.contains(e.getKey()) && !e.getValue().required()) {
        Planned.Property p = e.getValue();
        e.setValue(new Planned.Property(p.wireName(), p.javaName(), p.loc(), true));
      }
    }
  }

  private void planEnum(Loc loc) {
    List<String> values = new ArrayList<>();
    Map<String, String> constants = new HashMap<>();
    for (JsonNode v : loc.node().get("enum")) {
      if (!v.isString()) {
        throw new CodegenException(loc + "/enum: only string enums become Java enums; found " + v
            + ". Use a string enum or drop the enum for a plain " + v.getNodeType().name().toLowerCase());
      }
      String previous = constants.put(Names.constantName(v.asString()), v.asString());
      if (previous != null) {
        throw new CodegenException(loc + "/enum: '" + previous + "' and '" + v.asString()
            + "' both become the constant " + Names.constantName(v.asString()));
      }
      values.add(v.asString());
    }
    planned.put(loc, new Planned.EnumType(claim(loc), loc, values));
  }

  private void planUnion(Loc loc) {
    ClassName name = claim(loc);
    JsonNode oneOf = loc.node().get("oneOf");
    List<Loc> branches = new ArrayList<>();
    for (int i = 0; i < oneOf.size(); i++) {
      branches.add(graph.deref(loc.child("oneOf", Integer.toString(i))));
    }
    String discriminator = discriminator(loc, branches);
    List<Planned.Branch> planBranches = new ArrayList<>();
    planned.put(loc, new Planned.UnionType(name, loc, discriminator, planBranches));
    for (int i = 0; i < branches.size(); i++) {
      Loc b = branches.get(i);
      String value = constOf(b, discriminator);
      if (!loc.child("oneOf", Integer.toString(i)).node().has("$ref")) {
        inlineBranchNames.put(b, Names.typeName(value) + name.simpleName());
      }
      visit(b);
      Planned p = planned.get(b);
      if (!(p instanceof Planned.RecordType r)) {
        throw new CodegenException(b + ": a oneOf branch must be an object schema");
      }
      if (!r.name().packageName().equals(name.packageName())) {
        throw new CodegenException(b + ": a oneOf branch of " + loc + " lives in another entity's package; a sealed"
            + " interface can only permit types of its own package. Copy the branch into a local $defs entry");
      }
      unionsOf.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(name);
      planBranches.add(new Planned.Branch(r.name(), value));
    }
  }

  private String discriminator(Loc loc, List<Loc> branches) {
    Set<String> candidates = null;
    for (Loc b : branches) {
      Set<String> here = new LinkedHashSet<>();
      JsonNode props = b.node().get("properties");
      JsonNode req = b.node().get("required");
      if (props != null && req != null) {
        for (JsonNode r : req) {
          JsonNode p = props.get(r.asString());
          if (p != null && p.has("const") && p.get("const").isString()) {
            here.add(r.asString());
          }
        }
      }
      if (candidates == null) {
        candidates = here;
      } else {
        candidates.retainAll(here);
      }
    }
    if (candidates == null || candidates.isEmpty()) {
      throw new CodegenException(loc + "/oneOf: no property is required with a string const in every branch;"
          + " a oneOf needs such a discriminator to become a sealed interface");
    }
    return candidates.iterator().next();
  }

  private static String constOf(Loc branch, String discriminator) {
    return branch.node().get("properties").get(discriminator).get("const").asString();
  }

  private ClassName claim(Loc loc) {
    String simple = options.typeNames().getOrDefault(loc.overrideKey(), simpleName(loc));
    ClassName name = ClassName.get(packageOf(loc.source()), simple);
    Loc other = taken.putIfAbsent(name, loc);
    if (other != null && !other.equals(loc)) {
      throw new CodegenException("type name " + simple + " in package " + name.packageName() + " is derived from both "
          + other + " and " + loc + "; name one of them with the plugin option typeNames, e.g. <typeNames><property>"
          + "<name>" + loc.overrideKey() + "</name><value>Other" + simple + "</value></property></typeNames>");
    }
    return name;
  }

  String packageOf(SchemaSource s) {
    return options.basePackage() + "." + Names.packageSegment(s.entity()) + ".v" + s.major();
  }

  private String simpleName(Loc loc) {
    String inline = inlineBranchNames.get(loc);
    if (inline != null) {
      return inline;
    }
    return Names.typeName(word(loc));
  }

  /** The schema word a position's name derives from. */
  private String word(Loc loc) {
    if (loc.pointer().isEmpty()) {
      return loc.source().entity();
    }
    String last = loc.lastSegment();
    String parentSegment = loc.parent().lastSegment();
    if (parentSegment.equals("$defs")) {
      return last;
    }
    if (parentSegment.equals("properties")) {
      // An inline type of a nested record carries its owner's name (FulfillmentStatus), so that the same
      // property name in two records of one entity does not collide; the root's own properties stay short.
      Loc owner = loc.parent().parent();
      if (owner.pointer().isEmpty()) {
        return last;
      }
      Planned ownerType = planned.get(owner);
      String ownerName = ownerType != null ? ownerType.name().simpleName() : Names.typeName(word(owner));
      return ownerName + Names.typeName(last);
    }
    if (last.equals("items")) {
      return Names.typeName(word(loc.parent())) + "Item";
    }
    if (last.equals("additionalProperties")) {
      return Names.typeName(word(loc.parent())) + "Value";
    }
    if (parentSegment.equals("allOf") || parentSegment.equals("oneOf")) {
      return Names.typeName(word(loc.parent().parent())) + "Part" + last;
    }
    return Names.typeName(word(loc.parent())) + Names.typeName(last);
  }

  /** The Java type of a property or item schema. */
  FieldType fieldType(Loc raw) {
    Loc loc = graph.deref(raw);
    JsonNode n = loc.node();
    boolean nullable = isNullable(raw.node()) || isNullable(n);
    Planned p = planned.get(loc);
    if (p != null) {
      return new FieldType(p.name(), nullable, loc, p instanceof Planned.RecordType || p instanceof Planned.UnionType
          ? FieldType.Kind.OBJECT : FieldType.Kind.ENUM);
    }
    if (n.has("const") && !n.has("type")) {
      if (!n.get("const").isString()) {
        throw new CodegenException(loc + "/const: only string constants have a Java type here; add a type");
      }
      return new FieldType(ClassName.get(String.class), nullable, loc, FieldType.Kind.STRING);
    }
    if (isObject(n)) {
      if (isMap(n)) {
        JsonNode ap = n.get("additionalProperties");
        TypeName value = ap.isObject() ? fieldType(loc.child("additionalProperties")).type()
            : ClassName.get(Object.class);
        return new FieldType(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), value),
            nullable, loc, FieldType.Kind.MAP);
      }
      throw new CodegenException(loc + ": object schema was not planned as a type");
    }
    String type = baseType(loc);
    if (type == null) {
      throw new CodegenException(loc + ": no type, $ref, enum, const or oneOf; the generator never falls back to"
          + " Object. Add a type");
    }
    switch (type) {
      case "string": {
        String format = n.has("format") ? n.get("format").asString() : null;
        String javaType = format == null ? null : formats.get(format);
        return new FieldType(javaType == null ? ClassName.get(String.class) : ClassName.bestGuess(javaType), nullable,
            loc, FieldType.Kind.STRING);
      }
      case "integer": {
        boolean fitsInt = fits(n.get("minimum")) && fits(n.get("maximum"));
        return new FieldType(ClassName.get(fitsInt ? Integer.class : Long.class), nullable, loc,
            FieldType.Kind.INTEGER);
      }
      case "number":
        return new FieldType(options.numberType() == NumberType.DOUBLE ? ClassName.get(Double.class)
            : ClassName.get(java.math.BigDecimal.class), nullable, loc, FieldType.Kind.NUMBER);
      case "boolean":
        return new FieldType(ClassName.get(Boolean.class), nullable, loc, FieldType.Kind.BOOLEAN);
      case "array": {
        TypeName element = fieldType(loc.child("items")).type();
        boolean unique = n.has("uniqueItems") && n.get("uniqueItems").asBoolean();
        return new FieldType(ParameterizedTypeName.get(ClassName.get(unique ? Set.class : List.class), element),
            nullable, loc, unique ? FieldType.Kind.SET : FieldType.Kind.LIST);
      }
      default:
        throw new CodegenException(loc + "/type: '" + type + "' has no Java type");
    }
  }

  private static boolean fits(JsonNode bound) {
    return bound != null && bound.isIntegralNumber() && bound.canConvertToInt();
  }

  /** The one non-null type of a position, or null when it declares none. */
  static String baseType(Loc loc) {
    JsonNode t = loc.node().get("type");
    if (t == null) {
      return null;
    }
    if (t.isString()) {
      return t.asString();
    }
    List<String> nonNull = new ArrayList<>();
    for (JsonNode x : t) {
      if (!x.asString().equals("null")) {
        nonNull.add(x.asString());
      }
    }
    if (nonNull.size() != 1) {
      throw new CodegenException(loc + "/type: " + t + " has no single Java type; only [T, \"null\"] is supported");
    }
    return nonNull.get(0);
  }

  private static boolean isNullable(JsonNode n) {
    JsonNode t = n == null ? null : n.get("type");
    if (t == null || !t.isArray()) {
      return false;
    }
    for (JsonNode x : t) {
      if (x.asString().equals("null")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isObject(JsonNode n) {
    JsonNode t = n.get("type");
    boolean typedObject = t != null && (t.isString() ? t.asString().equals("object") : contains(t, "object"));
    return typedObject || n.has("properties") || n.has("allOf");
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode x : array) {
      if (x.asString().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** An object with no declared properties whose extra members are explicitly allowed. */
  private static boolean isMap(JsonNode n) {
    JsonNode ap = n.get("additionalProperties");
    return !n.has("properties") && !n.has("allOf") && ap != null && (ap.isObject() || (ap.isBoolean() && ap.asBoolean()));
  }

  /**
   * The Java type of one position.
   *
   * @param type      the Java type (boxed)
   * @param nullable  {@code type: [T, "null"]}
   * @param effective the position after following {@code $ref}
   * @param kind      what the generated code does with it (copy, check, default)
   */
  record FieldType(TypeName type, boolean nullable, Loc effective, Kind kind) {
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, OBJECT, ENUM, LIST, SET, MAP }
  }
}
