package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.node.JsonNodeFactory;

/** Every format name the profile admits is really asserted: none is a silent no-op. */
class FormatAssertionTest {

  private static final SchemaEngine ENGINE = SchemaEngine.withDefaults();

  @ParameterizedTest(name = "{0} refuses ''{1}'' and accepts ''{2}''")
  @CsvSource(delimiter = '|', value = {
      "date-time             |2024-01-01               |2024-01-01T10:00:00+01:00",
      "date                  |01.01.2024               |2024-01-01",
      "time                  |25:00:00Z                |10:00:00Z",
      "duration              |P                        |P1Y2M",
      "email                 |ada.example.com          |ada@example.com",
      "idn-email             |ada.example.com          |ada@例え.jp",
      "hostname              |-bad-.example.com        |api.example.com",
      "idn-hostname          |-bad-.example.com        |例え.jp",
      "ipv4                  |1.2.3                    |192.168.0.1",
      "ipv6                  |1:2:3                    |::1",
      "uri                   |relative/path            |urn:isbn:0451450523",
      "uri-reference         |http://a b               |../relative",
      "iri                   |relative/path            |https://例え.jp/ä",
      "iri-reference         |http://a b               |../ä",
      "uri-template          |http://a/{unclosed       |http://a/{id}",
      "json-pointer          |no-leading-slash         |/a/0",
      "relative-json-pointer |/a                       |0/a",
      "regex                 |[                        |^[a-z]+$",
      "uuid                  |1234                     |3f2504e0-4f89-11d3-9a0c-0305e82c3301"})
  void everyProfileFormatIsAsserted(String format, String invalid, String valid) {
    CompiledSchema schema = ENGINE.load("{\"format\":\"" + format.strip() + "\"}").compiled();
    assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(invalid.strip()))).as("invalid").isFalse();
    assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(valid.strip()))).as("valid").isTrue();
  }

  @Test
  void everyProfileFormatHasACase() {
    assertThat(CanonicalProfile.FORMATS).hasSize(19);
  }
}
