package org.canonicalregistry.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.canonicalregistry.runtime.schema.RegistrySchemaSource;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.RegistryProcess;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Egress compatibility with every part real: versions published in the registry through its own governance
 * (a developer proposes, an admin approves), read by the gate through {@link RegistrySchemaSource}, and the
 * reader/writer verdict given by the registry's {@code POST /api/v1/compatibility/check} in FORWARD mode.
 * {@link EgressCompatibilityTest} covers the rule itself on local files (customer 2.1 reading 2.3).
 */
class RegistryEgressIT {

  private static final String V10 = """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"%s","type":"object",
       "properties":{"id":{"type":"string","description":"Ledger key"}},"required":["id"]%s}""";
  private static final String V11 = """
      {"$schema":"https://json-schema.org/draft/2020-12/schema","title":"%s","type":"object",
       "properties":{"id":{"type":"string","description":"Ledger key"},
                     "note":{%s"description":"Free text"}},"required":["id"]%s}""";

  @Test
  void aNewerMinorReachesAnOlderReaderOnlyWhenTheRegistryJudgesItForwardCompatible() throws Exception {
    try (RegistryProcess registry = new RegistryProcess().start()) {
      String developer = registry.tokenFor("dora-developer", "DEVELOPER");
      // Open content: 1.1 documents a field without constraining it; a 1.0 reader accepts it as any extra field.
      publish(registry, developer, "ledger-open", "", "");
      // Closed content: 1.1 adds a field (backward compatible: old data cannot have it), which a 1.0 reader refuses.
      publish(registry, developer, "ledger-closed", "\"type\":\"string\",\"maxLength\":200,",
          ",\"additionalProperties\":false");

      Gate gate = Gate.builder(SchemaCache.builder(RegistrySchemaSource.builder(registry.uri())
          .token(registry.tokenFor("hub-adapter", "ADAPTER")).timeout(Duration.ofSeconds(10)).build()).build())
          .build();
      JsonNode entry = Models.JSON.createObjectNode().put("id", "L-1").put("note", "paid in full");

      Verdict open = gate.egress(Models.envelope("ledger-open@1.1", entry),
          new FlowPin("ledger-to-billing", "ledger-open", 1, 0));
      Verdict closed = gate.egress(Models.envelope("ledger-closed@1.1", entry),
          new FlowPin("ledger-to-billing", "ledger-closed", 1, 0));

      assertThat(open).isInstanceOf(Accepted.class);
      assertThat(closed).isInstanceOfSatisfying(Rejected.class, r -> {
        assertThat(r.reason()).isEqualTo(ReasonCode.INCOMPATIBLE_VERSION);
        assertThat(r.detail()).contains("ledger-closed@1.1", "ledger-closed@1.0");
      });
      // The pinned version itself always passes, whatever the newer minor did.
      assertThat(gate.egress(Models.envelope("ledger-closed@1.0", Models.JSON.createObjectNode().put("id", "L-2")),
          new FlowPin("ledger-to-billing", "ledger-closed", 1, 0))).isInstanceOf(Accepted.class);
    }
  }

  /** Creates the entity and publishes 1.0 and 1.1 through proposals the admin approves. */
  private static void publish(RegistryProcess registry, String developer, String entity, String noteRules,
                              String closing) throws Exception {
    registry.call("POST", "/api/v1/entities", RegistryProcess.ADMIN_TOKEN,
        "{\"name\":\"" + entity + "\",\"domain\":\"finance\"}", 201);
    String[] schemas = {V10.formatted(entity, closing), V11.formatted(entity, noteRules, closing)};
    for (int minor = 0; minor < 2; minor++) {
      String version = "1." + minor;
      String schema = schemas[minor];
      JsonNode proposal = registry.call("POST", "/api/v1/entities/" + entity + "/proposals", developer,
          "{\"schema\":" + schema + ",\"summary\":\"" + entity + " " + version + "\"}", 201);
      JsonNode decided = registry.call("POST", "/api/v1/proposals/" + proposal.path("id").asString() + "/approve",
          RegistryProcess.ADMIN_TOKEN, "{\"comment\":\"fine\"}", 200);
      assertThat(decided.path("publishedVersion").asString()).as(decided.toString()).isEqualTo(version);
    }
  }
}
