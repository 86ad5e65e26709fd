package org.canonicalregistry.codegen.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.lock.LockFile;
import org.canonicalregistry.codegen.lock.LockedSchema;
import org.canonicalregistry.codegen.registry.FakeRegistry;
import org.canonicalregistry.codegen.registry.RegistryGateway;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SchemaCheckTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  @TempDir
  Path dir;
  LockFile lock;

  @BeforeEach
  void lockTheSampleModels() throws Exception {
    List<SchemaSource> models = SchemaFolder.load(Path.of("../model-definitions/entities"), "1.0");
    lock = new LockFile(List.of(), models.stream().map(s -> new LockedSchema(s.entity(), s.version(), 1,
        s.schema().fingerprint(), "PUBLISHED", s.schema().json())).toList());
    for (SchemaSource s : models) {
      Files.copy(Path.of(s.origin()), dir.resolve(s.entity() + ".schema.json"));
    }
  }

  private List<EntityVerdict> offline() {
    return SchemaCheck.offline(SchemaFolder.load(dir, "1.0"), lock, CompatibilityMode.BACKWARD_TRANSITIVE,
        CompatibilityPolicy.STRICT);
  }

  private void editCustomer(String from, String to) throws Exception {
    Path customer = dir.resolve("customer.schema.json");
    String text = Files.readString(customer);
    assertThat(text).contains(from);
    Files.writeString(customer, text.replace(from, to));
  }

  @Test
  void unchangedSchemasAreNotCompared() {
    assertThat(offline()).extracting(EntityVerdict::outcome).containsOnly(EntityVerdict.Outcome.UNCHANGED);
  }

  @Test
  void aNewRequiredFieldBreaksWithAWitness() throws Exception {
    editCustomer("\"required\": [\"customerId\", \"customerType\", \"displayName\", \"status\"]",
        "\"required\": [\"customerId\", \"customerType\", \"displayName\", \"status\", \"customerNumber\"]");
    EntityVerdict customer = offline().stream().filter(v -> v.entity().equals("customer")).findFirst().orElseThrow();
    assertThat(customer.outcome()).isEqualTo(EntityVerdict.Outcome.BREAKING);
    assertThat(customer.baseline()).isEqualTo("customer@1.0");
    assertThat(customer.findings()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo("REQUIRED_PROPERTY_ADDED");
      assertThat(f.breaking()).isTrue();
      assertThat(f.witnesses()).singleElement().asString().contains("accepted by old, rejected by new");
    });
    assertThat(String.join("\n", customer.lines())).contains("BREAKING REQUIRED_PROPERTY_ADDED at /required/4");
  }

  @Test
  void aDeclaredNewMajorAllowsTheBreak() throws Exception {
    editCustomer("\"required\": [\"customerId\", \"customerType\", \"displayName\", \"status\"]",
        "\"x-canonical-major\": 2, \"required\": [\"customerId\", \"customerType\", \"displayName\", \"status\","
            + " \"customerNumber\"]");
    assertThat(offline()).filteredOn(v -> v.entity().equals("customer")).extracting(EntityVerdict::outcome)
        .containsExactly(EntityVerdict.Outcome.NEW_MAJOR);
  }

  @Test
  void aLooserLimitIsCompatible() throws Exception {
    editCustomer("\"maxLength\": 200,\n      \"x-classification\": \"PII\"",
        "\"maxLength\": 300,\n      \"x-classification\": \"PII\"");
    assertThat(offline()).filteredOn(v -> v.entity().equals("customer")).extracting(EntityVerdict::outcome)
        .containsExactly(EntityVerdict.Outcome.COMPATIBLE);
  }

  @Test
  void onlineAsksTheRegistryOnlyForChangedSchemasAndReportsItsVerdict() throws Exception {
    editCustomer("\"maxLength\": 200,\n      \"x-classification\": \"PII\"",
        "\"maxLength\": 100,\n      \"x-classification\": \"PII\"");
    try (FakeRegistry fake = new FakeRegistry()) {
      for (LockedSchema l : lock.schemas()) {
        ObjectNode v = MAPPER.createObjectNode().put("entity", l.entity()).put("version", "1.0").put("major", 1)
            .put("minor", 0).put("globalId", 7).put("fingerprint", l.fingerprint()).put("state", "PUBLISHED")
            .put("createdAt", "2026-11-22T00:00:00Z");
        v.putArray("references");
        v.set("schema", l.schema());
        fake.answer("GET /api/v1/entities/" + l.entity() + "/versions/latest", 200, v);
      }
      fake.answer("POST /api/v1/entities/customer/compatibility", 200, """
          {"compatible": false, "mode": "BACKWARD_TRANSITIVE", "policy": "STRICT", "checkedAgainst": ["1.0"],
           "changes": [{"type": "MAX_LENGTH_DECREASED", "newPointer": "/properties/displayName/maxLength",
                        "breaks": "BACKWARD", "breaking": true, "message": "Field 'displayName' allows shorter text."}],
           "witnesses": [{"changeType": "MAX_LENGTH_DECREASED", "pointer": "/properties/displayName/maxLength",
                          "instance": {"displayName": "x"}, "acceptedBy": "1.0", "rejectedBy": "candidate"}]}
          """);
      RegistryGateway registry = new RegistryGateway(fake.url(), Optional.empty(), Duration.ofSeconds(5));
      List<EntityVerdict> verdicts = SchemaCheck.online(SchemaFolder.load(dir, "1.0"), registry);
      assertThat(fake.requests).extracting(r -> r[0]).containsOnlyOnce("POST /api/v1/entities/customer/compatibility")
          .doesNotContain("POST /api/v1/entities/order/compatibility");
      EntityVerdict customer = verdicts.stream().filter(v -> v.entity().equals("customer")).findFirst().orElseThrow();
      assertThat(customer.outcome()).isEqualTo(EntityVerdict.Outcome.BREAKING);
      assertThat(customer.findings()).singleElement().satisfies(f ->
          assertThat(f.witnesses()).containsExactly("{\"displayName\":\"x\"} (accepted by 1.0, rejected by candidate)"));
      Path report = dir.resolve("report/TEST-canonical-check.xml");
      JUnitReport.write(report, verdicts);
      assertThat(Files.readString(report)).contains("tests=\"4\" failures=\"1\"")
          .contains("<failure type=\"BREAKING\" message=\"customer: BREAKING against customer@1.0 (1 change)\">");
    }
  }
}
