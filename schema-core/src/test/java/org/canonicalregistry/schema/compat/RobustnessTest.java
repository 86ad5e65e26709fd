package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.canonicalregistry.schema.SchemaRejectedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class RobustnessTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final CompatibilityEngine ENGINE = CompatibilityEngine.withDefaults();

  static ObjectNode wideSchema(int properties, int maxLength) {
    ObjectNode schema = F.objectNode().put("type", "object");
    ObjectNode props = schema.putObject("properties");
    for (int i = 0; i < properties; i++) {
      props.putObject("field" + i).put("type", "string").put("maxLength", i == 0 ? maxLength : 40);
    }
    return schema;
  }

  @Test
  void thousandsOfPropertiesFinishQuickly() {
    JsonNode old = wideSchema(5000, 40);
    JsonNode updated = wideSchema(5000, 20);
    ((ObjectNode) updated.get("properties")).putObject("extra").put("type", "integer");
    CompatibilityReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, updated, List.of(old)));
    assertThat(r.violations()).extracting(j -> j.change().kind())
        .containsExactly(ChangeKind.MAX_LENGTH_DECREASED, ChangeKind.PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
  }

  @Test
  void deepAllOfChainsWithinTheDepthLimitFinish() {
    ObjectNode old = F.objectNode();
    ObjectNode updated = F.objectNode();
    ObjectNode a = old;
    ObjectNode b = updated;
    for (int i = 0; i < 30; i++) { // 30 allOf levels are 61 JSON levels, just inside the default limit of 64
      a = a.putArray("allOf").addObject();
      b = b.putArray("allOf").addObject();
    }
    a.put("maxLength", 5);
    b.put("maxLength", 4);
    CompatibilityReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, updated, List.of(old)));
    assertThat(r.violations()).singleElement().satisfies(c -> {
      assertThat(c.change().kind()).isEqualTo(ChangeKind.MAX_LENGTH_DECREASED);
      assertThat(c.witnesses()).singleElement().isInstanceOf(WitnessSearch.Confirmed.class);
    });
  }

  @Test
  void hostileNestingIsRefusedBeforeAnythingRecurses() {
    ObjectNode old = F.objectNode();
    ObjectNode a = old;
    for (int i = 0; i < 100_000; i++) {
      a = a.putArray("allOf").addObject();
    }
    assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ENGINE.diff(old, F.objectNode())))
        .isInstanceOfSatisfying(SchemaRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SchemaRejectedException.Reason.TOO_DEEP));
  }

  @Test
  void referenceChainsDeeperThanTheWalkBoundAreReportedNotCrashed() {
    ObjectNode old = F.objectNode();
    ObjectNode defs = old.putObject("$defs");
    for (int i = 0; i < 1000; i++) {
      defs.putObject("d" + i).putArray("allOf").addObject().put("$ref", "#/$defs/d" + (i + 1));
    }
    defs.putObject("d1000").put("maxLength", 5);
    old.put("$ref", "#/$defs/d0");
    ObjectNode updated = old.deepCopy();
    ((ObjectNode) updated.at("/$defs/d1000")).put("maxLength", 4);
    List<SchemaChange> changes = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ENGINE.diff(old, updated));
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(ChangeKind.UNDECIDABLE_KEYWORD_CHANGED);
      assertThat(c.kind().strict()).isEqualTo(Breaks.BOTH);
    });
  }

  @Test
  void longReferenceChainsAndCyclesTerminate() {
    ObjectNode old = F.objectNode();
    ObjectNode defs = old.putObject("$defs");
    for (int i = 0; i < 300; i++) {
      defs.putObject("d" + i).putArray("allOf").addObject().put("$ref", "#/$defs/d" + (i + 1));
    }
    // d300 closes the loop: an allOf through every definition back to d0, plus a real constraint.
    ObjectNode last = defs.putObject("d300");
    last.putArray("allOf").addObject().put("$ref", "#/$defs/d0");
    last.putObject("properties").putObject("x").put("type", "string");
    old.put("$ref", "#/$defs/d0");
    ObjectNode updated = old.deepCopy();
    ((ObjectNode) updated.at("/$defs/d300/properties/x")).put("type", "integer");
    List<SchemaChange> changes = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ENGINE.diff(old, updated));
    assertThat(changes).extracting(SchemaChange::kind).containsExactly(ChangeKind.TYPE_CHANGED);
  }

  @Test
  void bareReferenceLoopsAreReportedConservatively() {
    JsonNode old = Json.parse("{'$defs':{'a':{'$ref':'#/$defs/b'},'b':{'$ref':'#/$defs/a'}},'$ref':'#/$defs/a'}");
    JsonNode updated = Json.parse("{'type':'string'}");
    List<SchemaChange> changes = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ENGINE.diff(old, updated));
    assertThat(changes).extracting(SchemaChange::kind).containsExactly(ChangeKind.REFERENCE_UNRESOLVED);
  }

  @Test
  void anInterruptedCheckIsCancelled() {
    JsonNode old = wideSchema(100, 40);
    JsonNode updated = wideSchema(100, 20);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> ENGINE.diff(old, updated)).isInstanceOf(CancellationException.class);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void aCheckInterruptedDuringTheWitnessSearchStopsPromptly() throws Exception {
    // Every field breaks: thousands of witness searches, far more than a second of validator runs.
    ObjectNode old = F.objectNode().put("type", "object");
    ObjectNode updated = F.objectNode().put("type", "object");
    ObjectNode oldProperties = old.putObject("properties");
    ObjectNode updatedProperties = updated.putObject("properties");
    for (int i = 0; i < 1000; i++) {
      oldProperties.putObject("f" + i).put("type", "string").put("maxLength", 40)
          .putArray("enum").add("a" + i).add("b" + i).add("c" + i);
      updatedProperties.putObject("f" + i).put("type", "string").put("maxLength", 20)
          .putArray("enum").add("a" + i);
    }
    CompatibilityEngine engine = CompatibilityEngine.builder().witnesses(true).build();
    java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        engine.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, updated, List.of(old));
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    worker.start();
    Thread.sleep(300);
    long interruptedAt = System.nanoTime();
    worker.interrupt();
    Throwable thrown = outcome.get(5, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - interruptedAt)).isLessThan(Duration.ofSeconds(2));
    assertThat(thrown).isInstanceOf(CancellationException.class);
  }

  @Test
  void nullArgumentsAreRejected() {
    JsonNode s = Json.parse("{}");
    assertThatThrownBy(() -> ENGINE.diff(null, s)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ENGINE.check(null, CompatibilityPolicy.STRICT, s, List.of()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, s, java.util.Arrays.asList(s, null)))
        .isInstanceOf(NullPointerException.class);
  }
}
