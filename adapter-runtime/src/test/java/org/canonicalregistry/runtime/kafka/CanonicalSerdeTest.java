package org.canonicalregistry.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.ReasonCode;
import org.canonicalregistry.runtime.example.Customer;
import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalSerdeTest {

  @TempDir
  static Path folder;
  static Gate gate;

  /** A record generated from other content than the published customer@1.0. */
  record Stale(String customerId, String customerType, String displayName, String status) {
    public static final String ENTITY = "customer";
    public static final String VERSION = "1.0";
    public static final long GLOBAL_ID = -1L;
    public static final String FINGERPRINT = "0".repeat(64);
  }

  @BeforeAll
  static void gate() {
    gate = Gate.builder(SchemaCache.builder(new LocalSchemaSource(Models.localFolder(folder))).build()).build();
  }

  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));
  private final Customer customer = new Customer("0b7e9a52-3f14-4d2b-8c61-5e9f2a7d1c30", "C-1", "BUSINESS",
      "ACTIVE", "Brightwater Analytics", "accounts@brightwater-analytics.co.uk");

  @Test
  void aValidRecordTravelsAsABinaryCloudEventAndComesBackTyped() {
    CanonicalSerializer<Customer> serializer = new CanonicalSerializer<>(Customer.class, gate, "crm",
        Customer::customerId, clock);
    CanonicalDeserializer<Customer> deserializer = new CanonicalDeserializer<>(Customer.class, gate, "crm-to-billing");
    RecordHeaders headers = new RecordHeaders();

    byte[] value = serializer.serialize("crm.customers", headers, customer);

    assertThat(new String(headers.lastHeader("ce_dataschema").value(), StandardCharsets.UTF_8))
        .isEqualTo("customer@1.0");
    assertThat(new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8))
        .isEqualTo(customer.customerId());
    assertThat(new String(headers.lastHeader("ce_time").value(), StandardCharsets.UTF_8))
        .isEqualTo("2026-11-22T01:00:00Z");
    Checked<Customer> back = deserializer.deserialize("crm.customers", headers, value);
    assertThat(back).isInstanceOf(Checked.Valid.class);
    assertThat(((Checked.Valid<Customer>) back).value()).isEqualTo(customer);
  }

  @Test
  void theStructuredOverloadWritesTheWholeEnvelope() {
    CanonicalSerializer<Customer> serializer = new CanonicalSerializer<>(Customer.class, gate, "crm", null, clock);
    CanonicalDeserializer<Customer> deserializer = new CanonicalDeserializer<>(Customer.class, gate, "crm-to-billing");

    byte[] value = serializer.serialize("crm.customers", customer);

    RecordHeaders structured = new RecordHeaders();
    structured.add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
    assertThat(deserializer.deserialize("crm.customers", structured, value)).isInstanceOf(Checked.Valid.class);
  }

  @Test
  void anInvalidRecordFailsInTheProducersSendNotInSomeConsumer() {
    CanonicalSerializer<Customer> serializer = new CanonicalSerializer<>(Customer.class, gate, "crm", null, clock);
    Customer bad = new Customer(customer.customerId(), "C-1", "BUSINESS", "ACTIVE", "Brightwater", "no-at-sign");

    assertThatThrownBy(() -> serializer.serialize("crm.customers", new RecordHeaders(), bad))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("INVALID_PAYLOAD")
        .hasMessageContaining("/email");
  }

  @Test
  void aRecordGeneratedFromOtherContentIsRefused() {
    CanonicalSerializer<Stale> serializer = new CanonicalSerializer<>(Stale.class, gate, "crm", null, clock);
    Stale stale = new Stale(customer.customerId(), "BUSINESS", "Brightwater", "ACTIVE");

    assertThatThrownBy(() -> serializer.serialize("t", new RecordHeaders(), stale))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("regenerate");
  }

  @Test
  void aBadRecordIsAnInvalidValueForTheConsumerNeverAnException() {
    CanonicalDeserializer<Customer> deserializer = new CanonicalDeserializer<>(Customer.class, gate, "crm-to-billing");
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));

    Checked<Customer> garbage = deserializer.deserialize("t", headers, "not json".getBytes(StandardCharsets.UTF_8));
    Checked<Customer> empty = deserializer.deserialize("t", new RecordHeaders(), (byte[]) null);

    assertThat(garbage).isInstanceOf(Checked.Invalid.class);
    assertThat(((Checked.Invalid<Customer>) garbage).value()).asString(StandardCharsets.UTF_8).isEqualTo("not json");
    assertThat(((Checked.Invalid<Customer>) empty).rejected().reason()).isEqualTo(ReasonCode.MALFORMED_ENVELOPE);
  }

  @Test
  void aClassWithoutTheGeneratedConstantsIsRefusedUpFront() {
    assertThatThrownBy(() -> new CanonicalSerializer<>(String.class, gate, "crm", null, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ENTITY");
  }
}
