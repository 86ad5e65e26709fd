package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Rules of the canonical form that must hold for every document. */
class CanonicalJsonPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final SchemaEngine engine = SchemaEngine.withDefaults();

  private JsonNode parse(String text) {
    return engine.parseInstance(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void canonicalizeIsIdempotent(@ForAll("documents") JsonNode document) {
    String once = CanonicalJson.canonicalize(document);
    assertThat(CanonicalJson.canonicalize(parse(once))).isEqualTo(once);
  }

  @Property(tries = 500)
  void keyOrderAndWhitespaceNeverChangeTheFingerprint(@ForAll("documents") JsonNode document, @ForAll Random random) {
    String canonical = CanonicalJson.canonicalize(document);
    String shuffled = render(document, random);
    assertThat(CanonicalJson.fingerprint(CanonicalJson.canonicalize(parse(shuffled))))
        .isEqualTo(CanonicalJson.fingerprint(canonical));
  }

  @Property(tries = 500)
  void differentContentGivesDifferentCanonicalText(@ForAll("documents") JsonNode a, @ForAll("documents") JsonNode b) {
    // Reparse so both sides use the parser's node types; equal trees (scale-sensitive numbers) iff equal text.
    JsonNode left = parse(CanonicalJson.canonicalize(a));
    JsonNode right = parse(CanonicalJson.canonicalize(b));
    assertThat(CanonicalJson.canonicalize(left).equals(CanonicalJson.canonicalize(right)))
        .isEqualTo(left.equals(right));
  }

  @Property(tries = 500)
  void oneChangedLeafChangesTheFingerprint(@ForAll("documents") JsonNode document, @ForAll("strings") String marker) {
    ObjectNode wrapped = NODES.objectNode();
    wrapped.set("doc", document);
    ObjectNode changed = wrapped.deepCopy();
    changed.put("marker", marker);
    assertThat(CanonicalJson.fingerprint(CanonicalJson.canonicalize(changed)))
        .isNotEqualTo(CanonicalJson.fingerprint(CanonicalJson.canonicalize(wrapped)));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.strings().all().ofMaxLength(8)
        .filter(s -> s.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
  }

  @Provide
  Arbitrary<JsonNode> documents() {
    return Arbitraries.recursive(this::leaves, this::containers, 0, 4);
  }

  private Arbitrary<JsonNode> leaves() {
    return Arbitraries.oneOf(
        strings().map(NODES::stringNode),
        Arbitraries.longs().map(NODES::numberNode),
        Arbitraries.bigDecimals().ofScale(3).between(BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000))
            .map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()));
  }

  private Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
    Arbitrary<JsonNode> arrays = inner.list().ofMaxSize(4).map(list -> {
      ArrayNode array = NODES.arrayNode();
      list.forEach(array::add);
      return array;
    });
    Arbitrary<JsonNode> objects = Arbitraries.maps(strings(), inner).ofMaxSize(4).map(map -> {
      ObjectNode object = NODES.objectNode();
      map.forEach(object::set);
      return object;
    });
    return Arbitraries.oneOf(arrays, objects);
  }

  /** Writes the document with members in random order and random insignificant whitespace. */
  private static String render(JsonNode node, Random random) {
    StringBuilder out = new StringBuilder();
    write(node, random, out);
    return out.toString();
  }

  private static void write(JsonNode node, Random random, StringBuilder out) {
    space(random, out);
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      Collections.shuffle(members, random);
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        space(random, out);
        CanonicalJson.writeString(out, members.get(i).getKey());
        space(random, out);
        out.append(':');
        write(members.get(i).getValue(), random, out);
      }
      space(random, out);
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(node.get(i), random, out);
      }
      space(random, out);
      out.append(']');
    } else {
      out.append(CanonicalJson.canonicalize(node));
    }
    space(random, out);
  }

  private static void space(Random random, StringBuilder out) {
    String[] whitespace = {"", " ", "\n", "\t", "\r\n", "  "};
    out.append(whitespace[random.nextInt(whitespace.length)]);
  }
}
