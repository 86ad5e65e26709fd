package org.canonicalregistry.codegen.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.canonicalregistry.codegen.generator.CodegenException;
import org.canonicalregistry.codegen.generator.SchemaFolder;
import org.canonicalregistry.codegen.generator.SchemaSource;
import org.canonicalregistry.codegen.registry.FakeRegistry;
import org.canonicalregistry.codegen.registry.RegistryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class LockerTest {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private final Map<String, SchemaSource> models = SchemaFolder.load(Path.of("../model-definitions/entities"), "1.0")
      .stream().collect(Collectors.toMap(SchemaSource::entity, s -> s));
  private FakeRegistry fake;
  private RegistryGateway registry;

  @BeforeEach
  void start() {
    fake = new FakeRegistry();
    registry = new RegistryGateway(fake.url(), Optional.empty(), Duration.ofSeconds(5));
    long id = 10;
    for (String e : List.of("customer", "product", "order", "invoice")) {
      ObjectNode v = version(e, id++, "PUBLISHED");
      fake.answer("GET /api/v1/entities/" + e + "/versions/1.0", 200, v);
      fake.answer("GET /api/v1/entities/" + e + "/versions/1.latest", 200, v);
    }
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private ObjectNode version(String entity, long id, String state) {
    SchemaSource s = models.get(entity);
    ObjectNode v = MAPPER.createObjectNode();
    v.put("entity", entity).put("version", "1.0").put("major", 1).put("minor", 0).put("globalId", id)
        .put("fingerprint", s.schema().fingerprint()).put("state", state).put("createdAt", "2026-11-22T00:00:00Z");
    var refs = v.putArray("references");
    s.schema().references().stream().sorted(java.util.Comparator.comparing(Object::toString))
        .forEach(r -> refs.addObject().put("entity", r.entity()).put("version", r.major() + "." + r.minor()));
    v.set("schema", s.schema().json());
    return v;
  }

  @Test
  void locksTheSelectionAndEveryReferenceTransitively() {
    Locker.Outcome outcome = Locker.resolve(registry, List.of("invoice@1"));
    assertThat(outcome.lock().schemas()).extracting(LockedSchema::label)
        .containsExactly("customer@1.0", "invoice@1.0", "order@1.0", "product@1.0");
    assertThat(outcome.warnings()).isEmpty();
    assertThat(fake.requests).extracting(r -> r[0]).contains("GET /api/v1/entities/invoice/versions/1.latest");
  }

  @Test
  void deprecatedVersionWarnsWithItsSunset() {
    ObjectNode deprecated = version("customer", 10, "DEPRECATED").put("sunsetDate", "2027-06-30");
    fake.answer("GET /api/v1/entities/customer/versions/1.0", 200, deprecated);
    Locker.Outcome outcome = Locker.resolve(registry, List.of("customer@1.0"));
    assertThat(outcome.warnings()).singleElement().asString()
        .contains("customer@1.0").contains("deprecated").contains("2027-06-30");
  }

  @Test
  void retiredVersionIsAnError() {
    fake.answer("GET /api/v1/entities/customer/versions/1.0", 200, version("customer", 10, "RETIRED"));
    assertThatThrownBy(() -> Locker.resolve(registry, List.of("customer@1.0")))
        .isInstanceOf(CodegenException.class).hasMessageContaining("customer@1.0").hasMessageContaining("retired");
  }

  @Test
  void unknownEntityQuotesTheRegistryProblem() {
    fake.answer("GET /api/v1/entities/nosuch/versions/latest", 404,
        FakeRegistry.problem(404, "Entity not found", "no entity 'nosuch'"));
    assertThatThrownBy(() -> Locker.resolve(registry, List.of("nosuch")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining(fake.url().toString())
        .hasMessageContaining("404 while reading nosuch@latest: Entity not found: no entity 'nosuch'");
  }

  @Test
  void unreachableRegistryNamesTheUrl() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI dead = URI.create("http://127.0.0.1:" + port);
    RegistryGateway nowhere = new RegistryGateway(dead, Optional.empty(), Duration.ofSeconds(2));
    assertThatThrownBy(() -> Locker.resolve(nowhere, List.of("customer@1")))
        .isInstanceOf(CodegenException.class)
        .hasMessageContaining("registry " + dead + " is unreachable");
  }

  @Test
  void badSelectionNamesTheAcceptedForms() {
    assertThatThrownBy(() -> Locker.resolve(registry, List.of("Customer@v2")))
        .hasMessageContaining("selection 'Customer@v2'").hasMessageContaining("entity@MAJOR.MINOR");
  }
}
