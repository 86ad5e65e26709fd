package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.canonicalregistry.schema.CompiledSchema;
import org.canonicalregistry.schema.SchemaEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Soundness against the real validator. Schema pairs are generated from knobs (each knob of the new schema differs
 * from the old one with some probability), instances from a small value domain that hits the knobs' boundaries.
 */
class CompatibilityPropertiesTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final SchemaEngine VALIDATOR = SchemaEngine.withDefaults();
  private static final CompatibilityEngine ENGINE = CompatibilityEngine.builder().schemaEngine(VALIDATOR).build();
  private static final int KNOBS = 24;
  private static final List<JsonNode> DOMAIN = List.of(F.nullNode(), F.booleanNode(true), F.numberNode(0),
      F.numberNode(1), F.numberNode(2), F.numberNode(3), F.numberNode(4), F.numberNode(2.5), F.numberNode(-1),
      F.stringNode(""), F.stringNode("a"), F.stringNode("ab"), F.stringNode("abc"), F.stringNode("abcd"),
      F.stringNode("abcdefg"), F.stringNode("A1"), F.stringNode("x"), F.arrayNode(),
      F.arrayNode().add("a").add("ab"), F.arrayNode().add(1).add(1).add(2));

  record Pair(JsonNode old, JsonNode updated) {
  }

  @Provide
  Arbitrary<Pair> pairs() {
    // One or two knobs change, so that most pairs differ by a single typed change and "compatible" verdicts occur.
    Arbitrary<List<Integer>> knobs = Arbitraries.integers().between(0, 5).list().ofSize(KNOBS);
    Arbitrary<Integer> index = Arbitraries.integers().between(0, KNOBS - 1);
    Arbitrary<Integer> value = Arbitraries.integers().between(0, 5);
    Arbitrary<Integer> second = Arbitraries.integers().between(-KNOBS, KNOBS - 1);
    return Combinators.combine(knobs, index, value, second, value).as((a, i, v, j, w) -> {
      List<Integer> n = new ArrayList<>(a);
      n.set(i, v);
      if (j >= 0) {
        n.set(j, w);
      }
      return new Pair(render(a), render(n));
    });
  }

  @Provide
  Arbitrary<List<JsonNode>> instances() {
    Arbitrary<JsonNode> leaf = Arbitraries.of(F.nullNode(), F.booleanNode(true), F.numberNode(0), F.numberNode(1),
        F.numberNode(2), F.numberNode(3), F.numberNode(4), F.numberNode(6), F.numberNode(2.5), F.numberNode(-1),
        F.stringNode(""), F.stringNode("a"), F.stringNode("ab"), F.stringNode("abc"), F.stringNode("abcd"), F.stringNode("abcdefg"),
        F.stringNode("A1"), F.stringNode("x"), F.stringNode("y"));
    Arbitrary<JsonNode> array = leaf.list().ofMaxSize(4).map(l -> {
      ArrayNode a = F.arrayNode();
      l.forEach(a::add);
      return a;
    });
    Arbitrary<JsonNode> value = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, leaf), net.jqwik.api.Tuple.of(1, array));
    Arbitrary<JsonNode> object = Combinators.combine(
        value.injectNull(0.4), value.injectNull(0.4), value.injectNull(0.5), array.injectNull(0.5), value.injectNull(0.8))
        .as((a, b, c, l, d) -> {
          ObjectNode o = F.objectNode();
          if (a != null) o.set("a", a);
          if (b != null) o.set("b", b);
          if (c != null) o.set("c", c);
          if (l != null) o.set("l", l);
          if (d != null) o.set("d", d);
          return o;
        });
    return object.list().ofSize(25);
  }

  /** One knob per decision; values 0..5. */
  static JsonNode render(List<Integer> k) {
    ObjectNode s = F.objectNode().put("type", "object");
    ObjectNode props = s.putObject("properties");
    String[] names = {"a", "b", "c"};
    List<String> required = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int base = i * 5;
      if (k.get(base) == 0) {
        continue; // property absent
      }
      props.set(names[i], leaf(k.get(base + 1), k.get(base + 2), k.get(base + 3)));
      if (k.get(base + 4) >= 4) {
        required.add(names[i]);
      }
    }
    if (k.get(15) > 0) {
      ObjectNode list = props.putObject("l").put("type", "array");
      list.set("items", leaf(k.get(16), k.get(17), 0));
      if (k.get(18) < 3) list.put("maxItems", k.get(18) + 1);
      if (k.get(18) == 5) list.put("uniqueItems", true);
    }
    switch (k.get(19)) {
      case 1: s.put("additionalProperties", false); break;
      case 2: s.putObject("additionalProperties").put("type", "string"); break;
      case 3: s.putObject("patternProperties").putObject("^d").put("type", "integer"); break;
      default: break;
    }
    if (k.get(20) == 1) s.put("minProperties", 2);
    if (k.get(20) == 2) s.put("maxProperties", 2);
    if (k.get(21) == 1) s.putObject("dependentRequired").putArray("a").add("b");
    if (k.get(22) == 1) s.putObject("propertyNames").put("maxLength", 1);
    if (!required.isEmpty()) {
      ArrayNode r = s.putArray("required");
      required.forEach(r::add);
    }
    return s;
  }

  private static JsonNode leaf(int type, int bound, int extra) {
    ObjectNode n = F.objectNode();
    switch (type) {
      case 0: break;
      case 1: n.put("type", "string"); break;
      case 2: n.putArray("type").add("string").add("null"); break;
      case 3: n.put("type", "integer"); break;
      case 4: n.put("type", "number"); break;
      default: n.putArray("enum").add("x").add(1).add(F.nullNode()); break;
    }
    switch (bound) {
      case 1: n.put("maxLength", 2); break;
      case 2: n.put("maxLength", 4); break;
      case 3: n.put("minimum", 1); break;
      case 4: n.put("exclusiveMaximum", 3); break;
      case 5: n.put("multipleOf", 2); break;
      default: break;
    }
    switch (extra) {
      case 1: n.put("minLength", 1); break;
      case 2: n.put("pattern", "^[a-z]+$"); break;
      case 3: n.putArray("enum").add("a").add("ab").add(1).add(2); break;
      case 4: n.putArray("anyOf").addObject().put("type", "string").put("maxLength", 3); n.withArray("anyOf").addObject().put("type", "integer"); break;
      case 5: n.putObject("not").put("const", "x"); break;
      default: break;
    }
    return n;
  }

  @Property(tries = 400, seed = "20261122", edgeCases = EdgeCasesMode.NONE)
  void verdictsAreSoundAgainstTheRealValidator(@ForAll("pairs") Pair pair, @ForAll("instances") List<JsonNode> instances) {
    CompatibilityReport report = ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, pair.updated(),
        List.of(pair.old()));
    List<JudgedChange> changes = report.versions().get(0).changes();
    boolean backwardSafe = changes.stream().noneMatch(c -> c.breaks().backward());
    boolean forwardSafe = changes.stream().noneMatch(c -> c.breaks().forward());
    net.jqwik.api.statistics.Statistics.collect(backwardSafe ? "backward-safe" : "backward-breaking");
    CompiledSchema old = VALIDATOR.compile(pair.old());
    CompiledSchema updated = VALIDATOR.compile(pair.updated());
    InstanceSampler sampler = new InstanceSampler(new References(DocumentSource.none(), x -> x));
    List<JsonNode> all = new ArrayList<>(instances);
    for (JsonNode schema : List.of(pair.old(), pair.updated())) {
      for (boolean full : new boolean[] {false, true}) {
        JsonNode sample = sampler.sample(SchemaNode.root(new SchemaDocument("", schema)), full);
        if (sample != null) {
          all.add(sample);
        }
      }
    }
    // Systematic single-field variations of every sample, independent of what the engine reported.
    List<JsonNode> bases = new ArrayList<>(all.subList(instances.size(), all.size()));
    bases.add(F.objectNode());
    for (JsonNode base : bases) {
      if (!base.isObject()) {
        continue;
      }
      for (String key : new String[] {"a", "b", "c", "d", "l"}) {
        for (JsonNode v : DOMAIN) {
          ObjectNode o = (ObjectNode) base.deepCopy();
          o.set(key, v);
          all.add(o);
        }
        ObjectNode without = (ObjectNode) base.deepCopy();
        without.remove(key);
        all.add(without);
      }
    }
    for (JsonNode instance : all) {
      boolean validOld = old.isValid(instance);
      boolean validNew = updated.isValid(instance);
      if (backwardSafe && validOld) {
        assertThat(validNew).as("engine said BACKWARD-compatible, but %s passes old %s and fails new %s",
            instance, pair.old(), pair.updated()).isTrue();
      }
      if (forwardSafe && validNew) {
        assertThat(validOld).as("engine said FORWARD-compatible, but %s passes new %s and fails old %s",
            instance, pair.updated(), pair.old()).isTrue();
      }
    }
  }

  @Property(tries = 200, seed = "20261123", edgeCases = EdgeCasesMode.NONE)
  void everyWitnessIsAcceptedByOneVersionAndRejectedByTheOther(@ForAll("pairs") Pair pair) {
    CompatibilityReport report = ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, pair.updated(),
        List.of(pair.old()));
    CompiledSchema old = VALIDATOR.compile(pair.old());
    CompiledSchema updated = VALIDATOR.compile(pair.updated());
    for (JudgedChange change : report.versions().get(0).changes()) {
      for (WitnessSearch w : change.witnesses()) {
        if (w instanceof WitnessSearch.Confirmed c) {
          boolean backward = c.direction() == Breaks.BACKWARD;
          assertThat(old.isValid(c.witness().instance())).isEqualTo(backward);
          assertThat(updated.isValid(c.witness().instance())).isEqualTo(!backward);
        }
      }
    }
  }
}
