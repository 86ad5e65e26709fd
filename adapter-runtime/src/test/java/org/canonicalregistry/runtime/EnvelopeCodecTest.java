package org.canonicalregistry.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.schema.SchemaEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeCodecTest {

  private final EnvelopeCodec codec = new EnvelopeCodec(SchemaEngine.withDefaults(), 64 * 1024);

  private static Envelope full() {
    return new Envelope("id-1", "crm", "org.example.customer.changed", Instant.parse("2026-11-22T01:00:00Z"),
        "C-100234", "customer@1.0", "crm-to-billing", "corr-7", Instant.parse("2026-11-22T00:59:58Z"),
        Map.of("traceparent", "00-abc-def-01"), Models.sample("customer", "minimal-business-customer"));
  }

  @Test
  void structuredModeRoundTrips() {
    Envelope e = full();

    Decoding d = codec.fromStructured(codec.toStructured(e));

    assertThat(d).isEqualTo(new Decoded(e));
  }

  @Test
  void binaryModeRoundTrips() {
    Envelope e = full();

    Decoding d = codec.fromBinary(codec.toBinaryAttributes(e), codec.dataBytes(e));

    assertThat(d).isEqualTo(new Decoded(e));
  }

  @ParameterizedTest(name = "without {0}")
  @ValueSource(strings = {"id", "source", "type", "dataschema", "specversion"})
  void aMissingRequiredAttributeIsAMalformedEnvelope(String attribute) {
    Map<String, String> attributes = new LinkedHashMap<>(codec.toBinaryAttributes(full()));
    attributes.remove(attribute);

    Rejected r = (Rejected) codec.fromBinary(attributes, codec.dataBytes(full()));

    assertThat(r.reason()).isEqualTo(ReasonCode.MALFORMED_ENVELOPE);
    assertThat(r.detail()).contains(attribute);
  }

  @Test
  void aTimeThatIsNotRfc3339IsAMalformedEnvelope() {
    Map<String, String> attributes = new LinkedHashMap<>(codec.toBinaryAttributes(full()));
    attributes.put("time", "yesterday");

    assertThat(((Rejected) codec.fromBinary(attributes, codec.dataBytes(full()))).reason())
        .isEqualTo(ReasonCode.MALFORMED_ENVELOPE);
  }

  @Test
  void anOversizedMessageIsRefusedBeforeParsing() {
    byte[] notEvenJson = new byte[64 * 1024 + 1];

    Rejected r = (Rejected) codec.fromBinary(codec.toBinaryAttributes(full()), notEvenJson);

    assertThat(r.reason()).isEqualTo(ReasonCode.OVERSIZED);
    assertThat(r.detail()).contains("65537", "65536");
  }

  @Test
  void malformedPayloadJsonIsAnInvalidPayloadAndMalformedStructuredJsonAMalformedEnvelope() {
    byte[] broken = "{\"customerId\": ".getBytes(StandardCharsets.UTF_8);

    assertThat(((Rejected) codec.fromBinary(codec.toBinaryAttributes(full()), broken)).reason())
        .isEqualTo(ReasonCode.INVALID_PAYLOAD);
    assertThat(((Rejected) codec.fromStructured(broken)).reason()).isEqualTo(ReasonCode.MALFORMED_ENVELOPE);
  }

  @Test
  void aDeeplyNestedPayloadIsRefusedByTheBoundedParser() {
    byte[] deep = ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8);

    Rejected r = (Rejected) codec.fromBinary(codec.toBinaryAttributes(full()), deep);

    assertThat(r.reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD);
    assertThat(r.detail()).contains("64 levels deep");
  }

  @Test
  void duplicateKeysInThePayloadAreRefused() {
    byte[] dup = "{\"status\": \"ACTIVE\", \"status\": \"CLOSED\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(((Rejected) codec.fromBinary(codec.toBinaryAttributes(full()), dup)).reason())
        .isEqualTo(ReasonCode.INVALID_PAYLOAD);
  }

  @Test
  void aStructuredEnvelopeWithoutDataIsMalformed() {
    byte[] json = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"crm\",\"type\":\"t\",\"dataschema\":\"customer@1.0\"}"
        .getBytes(StandardCharsets.UTF_8);

    assertThat(((Rejected) codec.fromStructured(json)).detail()).contains("'data'");
  }
}
