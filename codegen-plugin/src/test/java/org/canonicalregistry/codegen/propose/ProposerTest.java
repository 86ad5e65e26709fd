package org.canonicalregistry.codegen.propose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.registry.FakeRegistry;
import org.canonicalregistry.codegen.registry.RegistryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request building and answer handling of {@code propose}, against the proposals contract (CONTRACT.md). */
class ProposerTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final String OPENED = """
      {"id": 41, "entity": "customer", "state": "OPEN", "proposer": "dev", "summary": "s",
       "proposedVersion": "1.1", "breaking": false, "url": "http://registry/api/v1/proposals/41",
       "fingerprint": "00", "schema": {}, "createdAt": "2026-11-22T00:00:00Z", "updatedAt": "2026-11-22T00:00:00Z",
       "decisions": [], "history": [],
       "requiredApprovals": [
         {"kind": "ENTITY_OWNER", "subject": "customer", "description": "an owner of customer",
          "candidates": ["alice", "bob"], "satisfied": false, "satisfiedBy": null},
         {"kind": "FLOW_OWNER", "subject": "crm-to-erp", "description": "owner of flow crm-to-erp",
          "candidates": ["carol"], "satisfied": true, "satisfiedBy": "carol"}]}
      """;

  @TempDir
  Path dir;
  FakeRegistry fake;
  Proposer proposer;
  List<SchemaSource> models;

  @BeforeEach
  void start() throws Exception {
    fake = new FakeRegistry();
    proposer = new Proposer(new RegistryGateway(fake.url(), Optional.of("crt_secret"), Duration.ofSeconds(5)));
    Path customer = dir.resolve("customer.schema.json");
    Files.copy(Path.of("../model-definitions/entities/customer.schema.json"), customer);
    models = SchemaFolder.load(Path.of("../model-definitions/entities"), "1.0");
    Files.writeString(customer, Files.readString(customer).replace("\"maxLength\": 200,\n      \"x-classification\": \"PII\"",
        "\"maxLength\": 300,\n      \"x-classification\": \"PII\""));
    SchemaSource original = models.stream().filter(m -> m.entity().equals("customer")).findFirst().orElseThrow();
    ObjectNode v = MAPPER.createObjectNode().put("entity", "customer").put("version", "1.0").put("major", 1)
        .put("minor", 0).put("globalId", 3).put("fingerprint", original.schema().fingerprint())
        .put("state", "PUBLISHED").put("createdAt", "2026-11-22T00:00:00Z");
    v.putArray("references");
    v.set("schema", original.schema().json());
    fake.answer("GET /api/v1/entities/customer/versions/latest", 200, v);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void postsTheChangedSchemaWithSummaryAndBearerTokenAndReportsWhomItWaitsFor() {
    fake.answer("POST /api/v1/entities/customer/proposals", 201, OPENED);
    List<ProposalOutcome> outcomes = proposer.propose(SchemaFolder.load(dir, "1.0"), "Longer display names",
        "CRM truncates");
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(ProposalOutcome.Kind.OPENED);
      assertThat(o.lines()).containsExactly(
          "customer: opened proposal for customer@1.1 http://registry/api/v1/proposals/41",
          "  waits for an owner of customer (alice, bob)");
    });
    String[] post = fake.requests.stream().filter(r -> r[0].startsWith("POST")).findFirst().orElseThrow();
    assertThat(post[2]).isEqualTo("Bearer crt_secret");
    JsonNode body = MAPPER.readTree(post[1]);
    assertThat(body.get("summary").asString()).isEqualTo("Longer display names");
    assertThat(body.get("reason").asString()).isEqualTo("CRM truncates");
    assertThat(body.get("schema").at("/properties/displayName/maxLength").asInt()).isEqualTo(300);
    assertThat(body.has("targetMajor")).isFalse();
  }

  @Test
  void unchangedContentIsNotSent() {
    List<ProposalOutcome> outcomes = proposer.propose(
        models.stream().filter(m -> m.entity().equals("customer")).toList(), "s", null);
    assertThat(outcomes).singleElement().extracting(ProposalOutcome::kind).isEqualTo(ProposalOutcome.Kind.UNCHANGED);
    assertThat(fake.requests).noneMatch(r -> r[0].startsWith("POST"));
  }

  @Test
  void anIdenticalOpenProposalIsReturnedNotDuplicated() {
    fake.answer("POST /api/v1/entities/customer/proposals", 200, OPENED);
    assertThat(proposer.propose(SchemaFolder.load(dir, "1.0"), "s", null)).singleElement()
        .extracting(ProposalOutcome::kind).isEqualTo(ProposalOutcome.Kind.ALREADY_OPEN);
  }

  @Test
  void contentOfAnOlderVersionIsUnchangedNotAnError() {
    fake.answer("POST /api/v1/entities/customer/proposals", 409,
        "{\"type\":\"https://canonical-registry.org/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
            + "\"version\":\"1.0\"}");
    assertThat(proposer.propose(SchemaFolder.load(dir, "1.0"), "s", null)).singleElement()
        .satisfies(o -> assertThat(o.lines()).containsExactly(
            "customer: unchanged (same content as customer@1.0), nothing to propose"));
  }

  @Test
  void aDeclaredMajorBecomesTheTargetMajor() throws Exception {
    Path customer = dir.resolve("customer.schema.json");
    Files.writeString(customer, Files.readString(customer).replaceFirst("\\{", "{ \"x-canonical-major\": 2,"));
    SchemaSource s = SchemaFolder.load(dir, "1.0").get(0);
    assertThat(proposer.request(s, "s", null).getTargetMajor()).isEqualTo(2);
  }

  @Test
  void aRefusedTokenNamesWhereTheTokenComesFrom() {
    fake.answer("POST /api/v1/entities/customer/proposals", 403,
        FakeRegistry.problem(403, "Forbidden", "READER may not propose"));
    assertThatThrownBy(() -> proposer.propose(SchemaFolder.load(dir, "1.0"), "s", null))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("answered 403 while proposing customer: Forbidden: READER may not propose")
        .hasMessageContaining("CANONICAL_REGISTRY_TOKEN");
  }
}
