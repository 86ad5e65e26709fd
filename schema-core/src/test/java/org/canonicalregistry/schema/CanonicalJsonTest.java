package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

  private final SchemaEngine engine = SchemaEngine.withDefaults();

  private String canonical(String json) {
    return CanonicalJson.canonicalize(engine.parseInstance(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keysAreSortedByCodePointNotUtf16Unit() {
    // U+FB01 sorts before U+1F600 by code point, after it by UTF-16 unit (0xD83D < 0xFB01).
    assertThat(canonical("{\"\uD83D\uDE00\":1,\"\uFB01\":2,\"b\":3,\"a\":{\"d\":1,\"c\":2}}"))
        .isEqualTo("{\"a\":{\"c\":2,\"d\":1},\"b\":3,\"\uFB01\":2,\"\uD83D\uDE00\":1}");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "1.0           |1.0",
      "1             |1",
      "1.50          |1.50",
      "1e3           |1E+3",
      "-0            |0",
      "12345678901234567890123 |12345678901234567890123",
      "0.1000000000000000055511151231257827 |0.1000000000000000055511151231257827",
      "2.5E-7        |2.5E-7"})
  void numbersKeepTheirPrecisionAndScale(String input, String expected) {
    assertThat(canonical("[" + input.strip() + "]")).isEqualTo("[" + expected.strip() + "]");
  }

  @Test
  void stringsEscapeOnlyWhatJsonRequires() {
    assertThat(canonical("[\"q\\\" b\\\\ \\n\\t\\r\\b\\f \\u0001 \\u001f \\/ \\u00e9 \\u2028 \u20ac \\ud83d\\ude00\"]"))
        .isEqualTo("[\"q\\\" b\\\\ \\n\\t\\r\\b\\f \\u0001 \\u001f / \u00e9 \u2028 \u20ac \uD83D\uDE00\"]");
  }

  @Test
  void unpairedSurrogateStaysEscaped() {
    assertThat(canonical("[\"\\ud800x\"]")).isEqualTo("[\"\\ud800x\"]");
    assertThat(CanonicalJson.fingerprint(canonical("[\"\\ud800\"]")))
        .isNotEqualTo(CanonicalJson.fingerprint(canonical("[\"\\ufffd\"]")));
  }

  @Test
  void noInsignificantWhitespace() {
    assertThat(canonical(" { \"a\" : [ 1 , true , null , { } , [ ] ] } ")).isEqualTo("{\"a\":[1,true,null,{},[]]}");
  }

  @Test
  void fingerprintIsLowercaseHexSha256OfUtf8() {
    // sha256("{}")
    assertThat(CanonicalJson.fingerprint("{}"))
        .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
  }

  @Test
  void deepTreeDoesNotOverflowTheStack() {
    tools.jackson.databind.node.ArrayNode root = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    tools.jackson.databind.node.ArrayNode current = root;
    for (int i = 0; i < 50_000; i++) {
      current = current.addArray();
    }
    assertThat(CanonicalJson.canonicalize(root)).startsWith("[[[[").hasSize(2 * 50_001);
  }
}
