package org.canonicalregistry.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.testing.Models;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/**
 * A destination pinned to customer@2.1 and a message of 2.3. Verdicts come from schema-core's compatibility engine
 * over local schema files; {@link RegistryEgressIT} runs the same rule against the real registry.
 */
class EgressCompatibilityTest {

  private static final FlowPin BILLING = new FlowPin("crm-to-billing", "customer", 2, 1);

  private static Gate gate(String folder) {
    return Gate.builder(SchemaCache.builder(new LocalSchemaSource(Models.resourceFolder(folder))).build()).build();
  }

  private static ObjectNode customer() {
    return Models.JSON.createObjectNode()
        .put("customerId", "0b7e9a52-3f14-4d2b-8c61-5e9f2a7d1c30")
        .put("displayName", "Brightwater Analytics")
        .put("status", "ACTIVE");
  }

  @Test
  void aNewerMinorThatIsForwardCompatibleReachesTheOlderReader() {
    Verdict v = gate("customer-2x-forward").egress(Models.envelope("customer@2.3", customer()), BILLING);

    assertThat(v).isInstanceOf(Accepted.class);
  }

  @Test
  void aNewerMinorThatIsNotForwardCompatibleIsRejectedAsIncompatible() {
    Rejected r = (Rejected) gate("customer-2x-breaking").egress(Models.envelope("customer@2.3", customer()), BILLING);

    assertThat(r.reason()).isEqualTo(ReasonCode.INCOMPATIBLE_VERSION);
    assertThat(r.detail()).contains("customer@2.3", "customer@2.1");
  }

  @Test
  void theIncompatibleVerdictHoldsEvenForAPayloadTheOldReaderCouldRead() {
    // The rule is about the version, not the instance: the flow's reader cannot rely on what 2.3 allows.
    Verdict v = gate("customer-2x-breaking").egress(Models.envelope("customer@2.3", customer()), BILLING);

    assertThat(v).isInstanceOf(Rejected.class);
  }

  @Test
  void thePinnedVersionItselfPasses() {
    assertThat(gate("customer-2x-breaking").egress(Models.envelope("customer@2.1", customer()), BILLING))
        .isInstanceOf(Accepted.class);
  }

  @Test
  void aMinorOlderThanThePinIsIncompatible() {
    FlowPin needs23 = new FlowPin("crm-to-billing", "customer", 2, 3);

    Rejected r = (Rejected) gate("customer-2x-forward").egress(Models.envelope("customer@2.1", customer()), needs23);

    assertThat(r.reason()).isEqualTo(ReasonCode.INCOMPATIBLE_VERSION);
  }

  @Test
  void anotherMajorLineIsIncompatible() {
    FlowPin major1 = new FlowPin("crm-to-billing", "customer", 1, 0);

    Rejected r = (Rejected) gate("customer-2x-forward").egress(Models.envelope("customer@2.3", customer()), major1);

    assertThat(r.reason()).isEqualTo(ReasonCode.INCOMPATIBLE_VERSION);
  }
}
