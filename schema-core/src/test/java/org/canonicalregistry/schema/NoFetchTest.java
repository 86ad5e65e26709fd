package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Named.named;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.canonicalregistry.schema.SchemaRejectedException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.AbsoluteIri;

import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that no way of constructing an engine lets a schema open a connection: a listening socket on
 * 127.0.0.1 is the target of every remote form, and must never see a connection attempt.
 */
class NoFetchTest {

  private static ServerSocket trap;
  private static int port;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeAll
  static void openTrap() throws IOException {
    trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    port = trap.getLocalPort();
  }

  @AfterAll
  static void closeTrap() throws IOException {
    trap.close();
  }

  static Stream<Arguments> constructionsAndSchemas() {
    List<Arguments> all = new ArrayList<>();
    for (Arguments construction : constructions()) {
      for (Arguments schema : hostileSchemas()) {
        all.add(Arguments.of(construction.get()[0], schema.get()[0]));
      }
    }
    return all.stream();
  }

  static List<Arguments> constructions() {
    Function<Void, SchemaEngine> defaults = v -> SchemaEngine.withDefaults();
    Function<Void, SchemaEngine> builder = v -> SchemaEngine.builder().build();
    Function<Void, SchemaEngine> configured = v -> SchemaEngine.builder()
        .limits(new SchemaLimits(1024 * 1024, 128, 4 * 1024 * 1024))
        .referenceResolver(ref -> Optional.of(JSON.readTree("{\"type\":\"string\"}"))).build();
    Function<Void, SchemaEngine> copy = v -> SchemaEngine.withDefaults().toBuilder().build();
    Function<Void, SchemaEngine> copyConfigured = v -> configured.apply(null).toBuilder()
        .limits(SchemaLimits.defaults()).build();
    return List.of(
        Arguments.of(named("withDefaults()", defaults)),
        Arguments.of(named("builder().build()", builder)),
        Arguments.of(named("builder() with limits and resolver", configured)),
        Arguments.of(named("withDefaults().toBuilder().build()", copy)),
        Arguments.of(named("configured.toBuilder().limits(..).build()", copyConfigured)));
  }

  static List<Arguments> hostileSchemas() {
    String local = "127.0.0.1:" + port;
    return List.of(
        Arguments.of(named("http $ref", "{\"$ref\":\"http://" + local + "/s.json\"}")),
        Arguments.of(named("https $ref in a property", "{\"properties\":{\"a\":{\"$ref\":\"https://" + local + "/s\"}}}")),
        Arguments.of(named("$schema on the trap", "{\"$schema\":\"http://" + local + "/schema\"}")),
        Arguments.of(named("relative $ref under a remote $id",
            "{\"$id\":\"http://" + local + "/root.json\",\"properties\":{\"a\":{\"$ref\":\"other.json\"}}}")),
        Arguments.of(named("network-path $ref", "{\"$ref\":\"//" + local + "/x\"}")),
        Arguments.of(named("unresolvable host", "{\"$ref\":\"http://no-such-host.invalid/x.json\"}")),
        Arguments.of(named("file $ref", "{\"$ref\":\"file:///etc/passwd\"}")),
        Arguments.of(named("classpath $ref", "{\"$ref\":\"classpath:draft/2020-12/schema\"}")),
        Arguments.of(named("relative classpath-looking $ref", "{\"$ref\":\"draft/2020-12/schema\"}")),
        Arguments.of(named("jar $ref", "{\"$ref\":\"jar:file:/tmp/x.jar!/s.json\"}")),
        Arguments.of(named("remote $ref inside allOf", "{\"allOf\":[{\"$ref\":\"http://" + local + "/a\"}]}")));
  }

  @ParameterizedTest(name = "compile: {0} / {1}")
  @MethodSource("constructionsAndSchemas")
  void compileNeverConnects(Function<Void, SchemaEngine> construction, String schema) throws IOException {
    SchemaEngine engine = construction.apply(null);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertThatThrownBy(() -> engine.compile(JSON.readTree(schema)))
            .isInstanceOfSatisfying(SchemaRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.REMOTE_REFERENCE)));
    assertNoConnectionAttempted();
  }

  @ParameterizedTest(name = "load: {0} / {1}")
  @MethodSource("constructionsAndSchemas")
  void loadNeverConnects(Function<Void, SchemaEngine> construction, String schema) throws IOException {
    SchemaEngine engine = construction.apply(null);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertThatThrownBy(() -> engine.load(schema))
            .isInstanceOfSatisfying(SchemaRejectedException.class,
                e -> assertThat(e.reason()).isIn(Reason.REMOTE_REFERENCE, Reason.KEYWORD_OUTSIDE_PROFILE)));
    assertNoConnectionAttempted();
  }

  @Test
  void rejectionNamesPointerAndUri() {
    assertThatThrownBy(() -> SchemaEngine.withDefaults().load(
        "{\"properties\":{\"a/b\":{\"$ref\":\"http://127.0.0.1:" + port + "/s.json\"}}}"))
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.REMOTE_REFERENCE);
          assertThat(e.pointer()).isEqualTo("/properties/a~1b/$ref");
          assertThat(e.getMessage()).contains("/properties/a~1b/$ref").contains("http://127.0.0.1:" + port + "/s.json");
        });
  }

  @Test
  void remoteReferenceInsideARegistryDocumentIsRefusedToo() throws IOException {
    SchemaEngine engine = SchemaEngine.builder().referenceResolver(ref -> Optional.of(
        JSON.readTree("{\"$ref\":\"http://127.0.0.1:" + port + "/x\"}"))).build();
    assertThatThrownBy(() -> engine.load("{\"$ref\":\"urn:canonical:address:1.0\"}"))
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.REMOTE_REFERENCE);
          assertThat(e.getMessage()).contains("address@1.0");
        });
    assertNoConnectionAttempted();
  }

  @Test
  void loaderRefusesClasspathAndServesOnlyBundledMetaSchemas() throws IOException {
    RegistryOnlySchemaLoader loader = new RegistryOnlySchemaLoader(ReferenceResolver.none(), JSON);
    assertThatThrownBy(() -> loader.getSchemaResource(AbsoluteIri.of("classpath:draft/2020-12/schema")))
        .isInstanceOfSatisfying(SchemaRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REMOTE_REFERENCE));
    assertThatThrownBy(() -> loader.getSchemaResource(AbsoluteIri.of("http://json-schema.org/draft-07/other")))
        .isInstanceOfSatisfying(SchemaRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.REMOTE_REFERENCE));
    assertThatThrownBy(() -> loader.getSchemaResource(AbsoluteIri.of("urn:canonical:customer:1.0")))
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_REFERENCE);
          assertThat(e.getMessage()).contains("customer@1.0");
        });
    try (var in = loader.getSchemaResource(AbsoluteIri.of("https://json-schema.org/draft/2020-12/schema"))
        .getInputStream()) {
      assertThat(JSON.readTree(in).path("$id").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }
  }

  @Test
  void registryReferencesStillWorkUnderEveryConstruction() {
    SchemaEngine engine = SchemaEngine.builder()
        .referenceResolver(ref -> Optional.ofNullable(Map.of(new SchemaReference("name", 1, 2),
            JSON.readTree("{\"type\":\"string\",\"maxLength\":3}")).get(ref)))
        .build().toBuilder().build();
    CompiledSchema schema = engine.compile(JSON.readTree("{\"$ref\":\"urn:canonical:name:1.2\"}"));
    assertThat(schema.isValid(JSON.readTree("\"abc\""))).isTrue();
    assertThat(schema.isValid(JSON.readTree("\"abcd\""))).isFalse();
  }

  @Test
  void referencesToTheDocumentsOwnIdAreLocalAndNeverFetched() throws IOException {
    String base = "http://127.0.0.1:" + port;
    CompiledSchema schema = SchemaEngine.withDefaults().compile(JSON.readTree("{\"$id\":\"" + base + "/root.json\","
        + "\"$defs\":{\"n\":{\"type\":\"integer\"},"
        + "\"inner\":{\"$id\":\"inner.json\",\"$defs\":{\"s\":{\"type\":\"string\"}},\"$ref\":\"#/$defs/s\"}},"
        + "\"properties\":{\"a\":{\"$ref\":\"root.json#/$defs/n\"},\"b\":{\"$ref\":\"" + base + "/root.json#/$defs/n\"},"
        + "\"c\":{\"$ref\":\"inner.json\"}}}"));
    assertThat(schema.isValid(JSON.readTree("{\"a\":1,\"b\":2,\"c\":\"x\"}"))).isTrue();
    assertThat(schema.validate(JSON.readTree("{\"a\":\"x\",\"b\":\"y\",\"c\":3}")).violations()).hasSize(3);
    assertNoConnectionAttempted();
  }

  private static void assertNoConnectionAttempted() throws IOException {
    trap.setSoTimeout(20);
    try (Socket unexpected = trap.accept()) {
      throw new AssertionError("the engine opened a connection to " + unexpected.getLocalSocketAddress());
    } catch (SocketTimeoutException expected) {
      // nothing connected
    }
  }
}
