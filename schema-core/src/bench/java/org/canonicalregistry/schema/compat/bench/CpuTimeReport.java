package org.canonicalregistry.schema.compat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import tools.jackson.databind.JsonNode;

/**
 * CPU time per check for the same scenarios as {@link CompatibilityBenchmark}, read from the thread CPU clock. On a
 * shared, loaded machine wall-clock JMH figures mostly measure waiting for a core; CPU time does not.
 */
public final class CpuTimeReport {
  private CpuTimeReport() {
  }

  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    System.out.println("CPU time per check (BACKWARD_TRANSITIVE, STRICT), after warm-up:");
    for (boolean witnesses : new boolean[] {false, true}) {
      CompatibilityEngine engine = CompatibilityEngine.builder().witnesses(witnesses).build();
      for (int properties : witnesses ? new int[] {200} : new int[] {50, 200, 800}) {
        for (int versions : new int[] {1, 50}) {
          List<JsonNode> earlier = new ArrayList<>();
          for (int k = 1; k <= versions; k++) {
            earlier.add(CompatibilityBenchmark.version(properties - versions + k, false));
          }
          JsonNode candidate = CompatibilityBenchmark.version(properties, true);
          int runs = witnesses ? 10 : 60;
          for (int i = 0; i < runs; i++) {
            engine.check(CompatibilityMode.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT, candidate, earlier);
          }
          long start = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < runs; i++) {
            engine.check(CompatibilityMode.BACKWARD_TRANSITIVE, CompatibilityPolicy.STRICT, candidate, earlier);
          }
          double ms = (mx.getCurrentThreadCpuTime() - start) / 1e6 / runs;
          System.out.printf("  witnesses=%-5s properties=%3d versions=%2d : %8.2f ms CPU%n", witnesses, properties,
              versions, ms);
        }
      }
    }
  }
}
