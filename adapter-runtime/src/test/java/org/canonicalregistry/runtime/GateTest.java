package org.canonicalregistry.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.schema.SchemaDescriptor;
import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.SwitchableSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.node.ObjectNode;

class GateTest {

  @TempDir
  static Path folder;
  static LocalSchemaSource models;

  @BeforeAll
  static void loadModels() {
    models = new LocalSchemaSource(Models.localFolder(folder));
  }

  private static Gate gate(RuntimeMetrics metrics) {
    return Gate.builder(SchemaCache.builder(models).listener(metrics).build()).metrics(metrics).build();
  }

  @Test
  void validCustomerIsAcceptedAgainstTheVersionItClaims() {
    Verdict v = gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("customer@1.0",
        Models.sample("customer", "full-business-customer-with-contacts")));

    assertThat(v).isInstanceOf(Accepted.class);
    Accepted a = (Accepted) v;
    assertThat(a.schema().label()).isEqualTo("customer@1.0");
    assertThat(a.deprecated()).isFalse();
  }

  @Test
  void invalidPayloadIsRejectedWithEveryPointerAndMessage() {
    ObjectNode customer = Models.sample("customer", "minimal-business-customer");
    customer.put("email", "no-at-sign");
    customer.remove("displayName");

    Verdict v = gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("customer@1.0", customer));

    assertThat(v).isInstanceOf(Rejected.class);
    Rejected r = (Rejected) v;
    assertThat(r.reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD);
    assertThat(r.pointers()).contains("/email", "");
    assertThat(r.messages()).hasSameSizeAs(r.pointers()).anySatisfy(m -> assertThat(m).contains("displayName"));
    assertThat(r.schema()).isEqualTo("customer@1.0");
  }

  @Test
  void wrongTypeIsRejected() {
    ObjectNode customer = Models.sample("customer", "minimal-business-customer");
    customer.put("status", 7);

    Rejected r = (Rejected) gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("customer@1.0", customer));

    assertThat(r.reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD);
    assertThat(r.pointers()).contains("/status");
  }

  @Test
  void aStringPastTheHubLimitIsRefusedBeforeTheValidatorSeesIt() {
    ObjectNode customer = Models.sample("customer", "minimal-business-customer");
    customer.putObject("person").put("givenName", "a@".repeat(5_000));
    Gate gate = Gate.builder(SchemaCache.builder(models).build()).maxStringLength(8_000).build();

    Rejected r = (Rejected) gate.ingress(Models.envelope("customer@1.0", customer));

    assertThat(r.reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD);
    assertThat(r.pointers()).containsExactly("/person/givenName");
    assertThat(r.detail()).contains("8000");
  }

  @Test
  void aStringWithinTheHubLimitIsLeftToTheSchema() {
    ObjectNode customer = Models.sample("customer", "minimal-business-customer");
    customer.put("displayName", "x".repeat(201));

    Rejected r = (Rejected) gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("customer@1.0", customer));

    assertThat(r.pointers()).containsExactly("/displayName");
    assertThat(r.messages().get(0)).contains("200");
  }

  @Test
  void unknownVersionIsRejected() {
    Rejected r = (Rejected) gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("customer@1.7",
        Models.sample("customer", "minimal-business-customer")));

    assertThat(r.reason()).isEqualTo(ReasonCode.UNKNOWN_VERSION);
    assertThat(r.detail()).contains("customer@1.7");
  }

  @Test
  void retiredVersionIsRejectedEvenWithAValidPayload() {
    Rejected r = (Rejected) gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("customer@1.2",
        Models.sample("customer", "minimal-business-customer")));

    assertThat(r.reason()).isEqualTo(ReasonCode.RETIRED_VERSION);
  }

  @Test
  void deprecatedVersionPassesWithTheDeprecationExtensionAndAWarningCount() {
    RuntimeMetrics metrics = RuntimeMetrics.inMemory();

    Accepted a = (Accepted) gate(metrics).ingress(Models.envelope("customer@1.1",
        Models.sample("customer", "minimal-business-customer")));

    assertThat(a.envelope().extensions()).containsEntry(Gate.DEPRECATION_EXTENSION, "sunset=2027-06-30");
    assertThat(a.deprecated()).isTrue();
    MeterRegistry registry = metrics.registry();
    assertThat(registry.get("canonical.runtime.deprecated").tag("version", "1.1").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aDataschemaThatNamesNoVersionIsAMalformedEnvelope() {
    Rejected r = (Rejected) gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("customer-latest",
        Models.sample("customer", "minimal-business-customer")));

    assertThat(r.reason()).isEqualTo(ReasonCode.MALFORMED_ENVELOPE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"customer-@1.0", "Customer@1.0", "customer@01.0", "customer@1", "urn:canonical:customer--x:1.0",
      "urn:canonical:schemas:0", "customer@1.0 "})
  void aDataschemaOutsideTheRegistrysGrammarIsAMalformedEnvelopeNeverAnException(String dataschema) {
    Rejected r = (Rejected) gate(RuntimeMetrics.inMemory()).ingress(Models.envelope(dataschema,
        Models.sample("customer", "minimal-business-customer")));

    assertThat(r.reason()).isEqualTo(ReasonCode.MALFORMED_ENVELOPE);
  }

  @Test
  void aGlobalIdNamesTheSameVersion() {
    SchemaDescriptor v10 = models.version("customer", 1, 0).orElseThrow();

    Verdict v = gate(RuntimeMetrics.inMemory()).ingress(Models.envelope("urn:canonical:schemas:" + v10.globalId(),
        Models.sample("customer", "minimal-business-customer")));

    assertThat(((Accepted) v).schema().label()).isEqualTo("customer@1.0");
  }

  @Test
  void anOrderIsValidatedThroughItsReferenceToCustomer() {
    ObjectNode order = Models.sample("order", "b2b-order-on-invoice-terms");
    Gate gate = gate(RuntimeMetrics.inMemory());

    assertThat(gate.ingress(Models.envelope("order@1.0", order))).isInstanceOf(Accepted.class);

    ((ObjectNode) order.get("customer")).put("email", "no-at-sign");
    Rejected r = (Rejected) gate.ingress(Models.envelope("order@1.0", order));
    assertThat(r.pointers()).contains("/customer/email");
  }

  @Test
  void everyMessageIsCountedReceivedAndThenAcceptedOrRejectedByReason() {
    RuntimeMetrics metrics = RuntimeMetrics.inMemory();
    Gate gate = gate(metrics);
    ObjectNode ok = Models.sample("customer", "minimal-business-customer");
    gate.ingress(Models.envelope("customer@1.0", ok));
    gate.ingress(Models.envelope("customer@1.0", ok.deepCopy().put("status", "GONE")));
    gate.ingress(Models.envelope("customer@1.2", ok));

    MeterRegistry r = metrics.registry();
    assertThat(r.get("canonical.runtime.received").counters().stream().mapToDouble(c -> c.count()).sum())
        .isEqualTo(3.0);
    assertThat(r.get("canonical.runtime.accepted").tag("flow", "crm-to-billing").counter().count()).isEqualTo(1.0);
    assertThat(r.get("canonical.runtime.rejected").tag("reason", "INVALID_PAYLOAD").counter().count()).isEqualTo(1.0);
    assertThat(r.get("canonical.runtime.rejected").tag("reason", "RETIRED_VERSION").counter().count()).isEqualTo(1.0);
    assertThat(r.get("canonical.runtime.validation").tag("valid", "false").timer().count()).isEqualTo(1);
  }

  @Test
  void aCachedVersionKeepsValidatingWhileTheSourceIsDownAndAnUncachedOneIsUnavailable() {
    SwitchableSource source = new SwitchableSource(models);
    Gate gate = Gate.builder(SchemaCache.builder(source).build()).build();
    ObjectNode customer = Models.sample("customer", "minimal-business-customer");
    assertThat(gate.ingress(Models.envelope("customer@1.0", customer))).isInstanceOf(Accepted.class);

    source.down();

    assertThat(gate.ingress(Models.envelope("customer@1.0", customer))).isInstanceOf(Accepted.class);
    assertThat(((Rejected) gate.ingress(Models.envelope("customer@1.0", customer.deepCopy().put("status", "X"))))
        .reason()).isEqualTo(ReasonCode.INVALID_PAYLOAD);
    Rejected r = (Rejected) gate.ingress(Models.envelope("customer@1.1", customer));
    assertThat(r.reason()).isEqualTo(ReasonCode.SCHEMA_UNAVAILABLE);
    assertThat(r.reason().transientCause()).isTrue();
  }

  @Test
  void aRetriedMessageCountsAsOneReceivedAndOneRejectedOnlyOnItsLastTry() {
    SwitchableSource source = new SwitchableSource(models);
    RuntimeMetrics metrics = RuntimeMetrics.inMemory();
    Gate gate = Gate.builder(SchemaCache.builder(source).build()).metrics(metrics).build();
    ObjectNode customer = Models.sample("customer", "minimal-business-customer");
    source.down();
    MeterRegistry r = metrics.registry();

    for (int attempt = 1; attempt <= 2; attempt++) {
      Verdict v = gate.ingress(Models.envelope("customer@1.1", customer), Attempt.of(attempt, 3));
      assertThat(((Rejected) v).reason()).isEqualTo(ReasonCode.SCHEMA_UNAVAILABLE);
    }
    assertThat(r.find("canonical.runtime.rejected").counters()).as("not an outcome before the last try").isEmpty();
    gate.ingress(Models.envelope("customer@1.1", customer), Attempt.of(3, 3));

    assertThat(r.get("canonical.runtime.received").counter().count()).isEqualTo(1.0);
    assertThat(r.get("canonical.runtime.rejected").tag("reason", "SCHEMA_UNAVAILABLE").counter().count())
        .isEqualTo(1.0);

    // A try that succeeds after transient failures is one received and one accepted message.
    source.up();
    gate.ingress(Models.envelope("customer@1.1", customer), Attempt.of(2, 3));
    assertThat(r.get("canonical.runtime.received").counter().count()).isEqualTo(1.0);
    assertThat(r.get("canonical.runtime.accepted").counter().count()).isEqualTo(1.0);

    // A rejection that is not transient is an outcome on any try.
    gate.ingress(Models.envelope("customer@1.1", customer.deepCopy().put("status", "X")), Attempt.of(1, 3));
    assertThat(r.get("canonical.runtime.rejected").tag("reason", "INVALID_PAYLOAD").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void anAttemptIsNumberedFromOne() {
    assertThat(Attempt.of(3, 3).last()).isTrue();
    assertThat(Attempt.of(2, 3).last()).isFalse();
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new Attempt(0, true))
        .withMessage("attempt number must be at least 1, was 0");
  }
}
