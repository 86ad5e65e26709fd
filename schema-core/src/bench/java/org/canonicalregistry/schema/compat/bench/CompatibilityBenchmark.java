package org.canonicalregistry.schema.compat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.canonicalregistry.schema.compat.CompatibilityReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Diff + verdict of a candidate against 1 or 50 earlier versions (BACKWARD_TRANSITIVE, STRICT). The history is a
 * realistic major line: version k has {@code properties - versions + k} optional properties (each version added
 * one), and the candidate adds one more property, narrows one {@code maxLength} and makes one property required.
 * So every earlier version yields a handful of changes, older versions more.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompatibilityBenchmark {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  public static ObjectNode version(int properties, boolean candidate) {
    ObjectNode schema = F.objectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("type", "object");
    ObjectNode props = schema.putObject("properties");
    for (int i = 0; i < properties; i++) {
      ObjectNode p = props.putObject("field" + i);
      switch (i % 4) {
        case 0: p.put("type", "string").put("maxLength", candidate && i == 0 ? 20 : 40); break;
        case 1: p.putArray("type").add("integer").add("null"); p.put("minimum", 0); break;
        case 2: p.put("type", "string").putArray("enum").add("A").add("B").add("C"); break;
        default: p.put("type", "array").putObject("items").put("type", "string").put("format", "date"); break;
      }
    }
    if (candidate) {
      props.putObject("added").put("type", "boolean");
      schema.putArray("required").add("field1");
    }
    return schema;
  }

  @State(Scope.Benchmark)
  public static class History {
    @Param({"50", "200", "800"})
    public int properties;

    @Param({"1", "50"})
    public int versions;

    JsonNode candidate;
    List<JsonNode> earlier;
    CompatibilityEngine engine;

    @Setup
    public void setUp() {
      earlier = new ArrayList<>();
      for (int k = 1; k <= versions; k++) {
        earlier.add(version(properties - versions + k, false));
      }
      candidate = version(properties, true);
      engine = CompatibilityEngine.builder().witnesses(false).build();
    }
  }

  @State(Scope.Benchmark)
  public static class HistoryWithWitnesses {
    @Param({"1", "50"})
    public int versions;

    JsonNode candidate;
    List<JsonNode> earlier;
    CompatibilityEngine engine;

    @Setup
    public void setUp() {
      earlier = new ArrayList<>();
      for (int k = 1; k <= versions; k++) {
        earlier.add(version(200 - versions + k, false));
      }
      candidate = version(200, true);
      engine = CompatibilityEngine.builder().witnesses(true).build();
    }
  }

  @Benchmark
  public CompatibilityReport check(History h) {
    return h.engine.check(CompatibilityMode.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT, h.candidate, h.earlier);
  }

  @Benchmark
  public CompatibilityReport checkWithWitnesses(HistoryWithWitnesses h) {
    return h.engine.check(CompatibilityMode.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT, h.candidate, h.earlier);
  }
}
