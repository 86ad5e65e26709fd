package org.canonicalregistry.codegen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.canonicalregistry.codegen.build.GenerationInput;
import org.canonicalregistry.codegen.build.IncrementalGeneration;
import org.canonicalregistry.codegen.generator.GeneratorOptions;

/**
 * Prints how long {@code generate} takes for 100 schemas of 30 properties each (target under 3 s), and for an
 * incremental no-op (target under 200 ms). Figures only, never asserted. Run:
 * {@code ./mvnw -q -pl codegen-plugin -am -Pcodegen-bench verify -DskipTests -Dinvoker.skip}
 */
public final class GenerationBench {

  private static final int SCHEMAS = 100;
  private static final int PROPERTIES = 30;

  private GenerationBench() {
  }

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("codegen-bench");
    Path schemas = Files.createDirectories(dir.resolve("entities"));
    for (int i = 0; i < SCHEMAS; i++) {
      Files.writeString(schemas.resolve(entity(i) + ".schema.json"), schema(i), StandardCharsets.UTF_8);
    }
    GenerationInput input = new GenerationInput.Folder(schemas, "1.0");
    GeneratorOptions options = GeneratorOptions.defaults();

    // The first run of a fresh JVM, phase by phase: what a build that loads the plugin pays once.
    long t0 = System.nanoTime();
    List<org.canonicalregistry.codegen.generator.SchemaSource> sources =
        org.canonicalregistry.codegen.generator.SchemaFolder.load(schemas, "1.0");
    long t1 = System.nanoTime();
    List<org.canonicalregistry.codegen.generator.GeneratedFile> generated =
        new org.canonicalregistry.codegen.generator.JavaGenerator(options).generate(sources);
    long t2 = System.nanoTime();
    System.out.printf("cold phases: load %d ms, generate %d ms (%d files)%n", ms(t1 - t0), ms(t2 - t1),
        generated.size());
    List<Long> full = new ArrayList<>();
    int files = 0;
    for (int run = 0; run < 6; run++) {
      Path out = dir.resolve("out-" + run);
      long start = System.nanoTime();
      IncrementalGeneration.Result r = IncrementalGeneration.run(input, options, "bench", out,
          dir.resolve("state-" + run));
      full.add(System.nanoTime() - start);
      files = r.total();
    }
    long loadStart = System.nanoTime();
    org.canonicalregistry.codegen.generator.SchemaFolder.load(schemas, "1.0");
    long load = System.nanoTime() - loadStart;
    List<Long> noop = new ArrayList<>();
    for (int run = 0; run < 20; run++) {
      long start = System.nanoTime();
      IncrementalGeneration.Result r = IncrementalGeneration.run(input, options, "bench", dir.resolve("out-0"),
          dir.resolve("state-0"));
      noop.add(System.nanoTime() - start);
      if (!r.skipped()) {
        throw new IllegalStateException("the no-op run regenerated");
      }
    }
    System.out.printf("codegen bench: %d schemas x %d properties -> %d files%n", SCHEMAS, PROPERTIES, files);
    System.out.printf("  full generation, first run after the cold phases above: %d ms (target < 3000 ms)%n", ms(full.get(0)));
    System.out.printf("  full generation, warm (runs 2-6): median %d ms, min %d ms%n",
        ms(median(full.subList(1, full.size()))), ms(Collections.min(full.subList(1, full.size()))));
    System.out.printf("  of which loading the schemas through schema-core (warm): %d ms%n", ms(load));
    System.out.printf("  incremental no-op: first %d ms, median %d ms, min %d ms (target < 200 ms)%n",
        ms(noop.get(0)), ms(median(noop)), ms(Collections.min(noop)));
  }

  private static String entity(int i) {
    return "entity-" + i;
  }

  /** 30 properties: strings with formats and limits, numbers, an enum, a nested object, arrays, a reference. */
  private static String schema(int i) {
    StringBuilder p = new StringBuilder();
    List<String> required = new ArrayList<>();
    for (int k = 0; k < PROPERTIES; k++) {
      String name = "field" + k;
      String type = switch (k % 10) {
        case 0 -> "{\"type\":\"string\",\"format\":\"uuid\"}";
        case 1 -> "{\"type\":\"string\",\"maxLength\":200,\"description\":\"Text " + k + ".\"}";
        case 2 -> "{\"type\":\"integer\",\"minimum\":0,\"maximum\":1000}";
        case 3 -> "{\"type\":\"number\",\"default\":0}";
        case 4 -> "{\"type\":\"string\",\"enum\":[\"A\",\"B\",\"C-D\"]}";
        case 5 -> "{\"type\":\"string\",\"format\":\"date-time\"}";
        case 6 -> "{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"uniqueItems\":true}";
        case 7 -> "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"a\":{\"type\":\"string\"},"
            + "\"b\":{\"type\":\"boolean\"}}}";
        // References point to a few shared entities, as real models do (customer, product), not a 100-deep chain.
        case 8 -> i >= 10 ? "{\"$ref\":\"urn:canonical:" + entity(i % 10) + ":1.0#/$defs/part\"}"
            : "{\"$ref\":\"#/$defs/part\"}";
        default -> "{\"type\":[\"string\",\"null\"]}";
      };
      if (k % 3 == 0) {
        required.add("\"" + name + "\"");
      }
      p.append(k == 0 ? "" : ",").append('"').append(name).append("\":").append(type);
    }
    return "{\"description\":\"Benchmark entity " + i + ".\",\"type\":\"object\",\"additionalProperties\":false,"
        + "\"required\":[" + String.join(",", required) + "],\"properties\":{" + p + "},"
        + "\"$defs\":{\"part\":{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{\"id\":{\"type\":\"string\"}}}}}";
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
