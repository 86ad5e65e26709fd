package org.canonicalregistry.codegen.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated code compiled in-test with {@code --release 17}, then sample messages read and written with Jackson 3
 * and Jackson 2: every member read is written back with the same value. Two deliberate differences are allowed and
 * checked: an absent member with a {@code default} comes back with its default, and a {@code uniqueItems} array is
 * a set (its order carries no meaning, duplicates collapse).
 */
class GeneratedCodeRoundTripTest {

  private static final Path MODELS = Path.of("../model-definitions");
  private static final List<String> EXTRA = List.of("sealed-oneof", "nullable", "collections", "formats", "defaults");
  private static final JsonMapper JACKSON3 = JsonMapper.builder().build();
  private static final ObjectMapper JACKSON2 = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @TempDir
  static Path work;
  static ClassLoader loader;
  static final Set<String> defaulted = new HashSet<>();
  static final Set<String> unique = new HashSet<>();

  @BeforeAll
  static void generateAndCompile() {
    List<SchemaSource> sources = new ArrayList<>(SchemaFolder.load(MODELS.resolve("entities"), "1.0"));
    for (String extra : EXTRA) {
      sources.addAll(SchemaFolder.load(Path.of("src/test/resources/golden", extra, "schemas"), "1.0"));
    }
    sources.forEach(s -> collectHints(s.schema().json()));
    GeneratorOptions all = GeneratorOptions.defaults().withJspecify(true).withValidation(true);
    loader = Compiled.compile(new JavaGenerator(all).generate(sources), work);
  }

  static Stream<Arguments> messages() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> entities = Files.list(MODELS.resolve("examples"))) {
      for (Path e : entities.sorted().toList()) {
        try (Stream<Path> valid = Files.list(e.resolve("valid"))) {
          valid.sorted().forEach(f -> out.add(Arguments.of(e.getFileName() + "/" + f.getFileName(), f)));
        }
      }
    }
    try (Stream<Path> entities = Files.list(Path.of("src/test/resources/messages"))) {
      for (Path e : entities.sorted().toList()) {
        try (Stream<Path> files = Files.list(e)) {
          files.sorted().forEach(f -> out.add(Arguments.of(e.getFileName() + "/" + f.getFileName(), f)));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "jackson3 {0}")
  @MethodSource("messages")
  void jackson3RoundTripIsLossless(String name, Path message) throws Exception {
    Class<?> type = rootType(message);
    JsonNode in = JACKSON3.readTree(Files.readAllBytes(message));
    Object value = JACKSON3.readValue(Files.readAllBytes(message), type);
    JsonNode out = JACKSON3.readTree(JACKSON3.writeValueAsString(value));
    assertLossless("", in, out);
    assertThat(JACKSON3.readValue(JACKSON3.writeValueAsString(value), type)).isEqualTo(value);
  }

  @ParameterizedTest(name = "jackson2 {0}")
  @MethodSource("messages")
  void jackson2RoundTripIsLossless(String name, Path message) throws Exception {
    Class<?> type = rootType(message);
    JsonNode in = JACKSON3.readTree(Files.readAllBytes(message));
    Object value = JACKSON2.readValue(Files.readAllBytes(message), type);
    String written = JACKSON2.writeValueAsString(value);
    assertLossless("", in, JACKSON3.readTree(written));
    assertThat(JACKSON2.readValue(written, type)).isEqualTo(value);
  }

  @Test
  void missingRequiredFieldIsRejectedNamingIt() throws Exception {
    Class<?> customer = loader.loadClass("org.canonicalregistry.canonical.customer.v1.Customer");
    String json = "{\"customerId\":\"0b7e9a52-3f14-4d2b-8c61-5e9f2a7d1c30\",\"customerType\":\"BUSINESS\","
        + "\"status\":\"ACTIVE\"}";
    assertThatThrownBy(() -> JACKSON3.readValue(json, customer)).hasMessageContaining("displayName is required");
    assertThatThrownBy(() -> JACKSON2.readValue(json, customer)).hasMessageContaining("displayName is required");
  }

  @Test
  void unknownEnumValueIsRejectedNamingTheAcceptedOnes() throws Exception {
    Class<?> customer = loader.loadClass("org.canonicalregistry.canonical.customer.v1.Customer");
    String json = "{\"customerId\":\"0b7e9a52-3f14-4d2b-8c61-5e9f2a7d1c30\",\"customerType\":\"BUSINESS\","
        + "\"status\":\"DORMANT\",\"displayName\":\"x\"}";
    assertThatThrownBy(() -> JACKSON3.readValue(json, customer))
        .hasMessageContaining("'DORMANT'; accepted: PROSPECT, ACTIVE, SUSPENDED, CLOSED");
    assertThatThrownBy(() -> JACKSON2.readValue(json, customer)).hasMessageContaining("DORMANT");
  }

  @Test
  void wrongDiscriminatorConstIsRejected() throws Exception {
    Class<?> card = loader.loadClass("org.canonicalregistry.canonical.payment.v1.Card");
    assertThatThrownBy(() -> card.getConstructors()[0].newInstance("cash", "4242"))
        .hasRootCauseMessage("kind must be \"card\", was \"cash\"");
  }

  @Test
  void entityConstantsAreStamped() throws Exception {
    Class<?> customer = loader.loadClass("org.canonicalregistry.canonical.customer.v1.Customer");
    assertThat(customer.getField("ENTITY").get(null)).isEqualTo("customer");
    assertThat(customer.getField("VERSION").get(null)).isEqualTo("1.0");
    assertThat(customer.getField("GLOBAL_ID").get(null)).isEqualTo(-1L);
    assertThat(customer.getField("FINGERPRINT").get(null)).isEqualTo(SchemaFolder.load(MODELS.resolve("entities"),
        "1.0").stream().filter(s -> s.entity().equals("customer")).findFirst().orElseThrow().schema().fingerprint());
  }

  private static Class<?> rootType(Path message) throws ClassNotFoundException {
    String entity = message.getParent().getFileName().toString();
    if (entity.equals("valid")) {
      entity = message.getParent().getParent().getFileName().toString();
    }
    return loader.loadClass(GeneratorOptions.DEFAULT_BASE_PACKAGE + "." + entity + ".v1." + Names.typeName(entity));
  }

  /** Every input member comes back equal; extra members only where a default applies; unique arrays as sets. */
  private static void assertLossless(String at, JsonNode in, JsonNode out) {
    if (in.isObject()) {
      assertThat(out.isObject()).as(at).isTrue();
      for (Map.Entry<String, JsonNode> e : in.properties()) {
        assertThat(out.has(e.getKey())).as(at + "/" + e.getKey() + " written back").isTrue();
        compare(at + "/" + e.getKey(), e.getKey(), e.getValue(), out.get(e.getKey()));
      }
      for (Iterator<String> it = out.propertyNames().iterator(); it.hasNext(); ) {
        String k = it.next();
        if (!in.has(k)) {
          assertThat(defaulted).as(at + "/" + k + " was added, so it must have a default").contains(k);
        }
      }
    } else {
      assertThat(out).as(at).isEqualTo(in);
    }
  }

  private static void compare(String at, String name, JsonNode in, JsonNode out) {
    if (in.isArray() && unique.contains(name)) {
      Set<JsonNode> a = new HashSet<>();
      in.forEach(a::add);
      Set<JsonNode> b = new HashSet<>();
      out.forEach(b::add);
      assertThat(b).as(at).isEqualTo(a);
    } else if (in.isArray()) {
      assertThat(out.size()).as(at).isEqualTo(in.size());
      for (int i = 0; i < in.size(); i++) {
        assertLossless(at + "/" + i, in.get(i), out.get(i));
      }
    } else if (in.isNumber() && out.isNumber()) {
      assertThat(out.decimalValue()).as(at).isEqualByComparingTo(in.decimalValue());
    } else {
      assertLossless(at, in, out);
    }
  }

  private static void collectHints(JsonNode schema) {
    if (schema.isObject()) {
      JsonNode props = schema.get("properties");
      if (props != null && props.isObject()) {
        for (Map.Entry<String, JsonNode> p : props.properties()) {
          if (p.getValue().has("default")) {
            defaulted.add(p.getKey());
          }
          if (p.getValue().path("uniqueItems").asBoolean()) {
            unique.add(p.getKey());
          }
        }
      }
      schema.forEach(GeneratedCodeRoundTripTest::collectHints);
    } else if (schema.isArray()) {
      schema.forEach(GeneratedCodeRoundTripTest::collectHints);
    }
  }
}
