package org.canonicalregistry.runtime.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Decoded;
import org.canonicalregistry.runtime.EnvelopeCodec;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.Lookup;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.schema.CompiledSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.runtime.testing.Models;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One core (one thread), one ~1 KB customer@1.0 (the model's full business sample, compact), format assertions on.
 * Compares, in the same run: Jackson parse only; bare networknt (Jackson parse + full validate, draft 2020-12,
 * format assertions on, its default regex engine and e-mail check); schema-core's bounded parse + fail-fast check
 * (linear-time patterns: the JDK matcher under a read allowance, else RE2J; its own RFC 5321 e-mail scan); and the
 * whole gate (binary-mode
 * decode with the bounded parser, cache lookup, string-length scan, fail-fast validation, metrics).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class GateBenchmark {

  private final JsonMapper mapper = JsonMapper.builder().build();
  private byte[] payload;
  private Map<String, String> attributes;
  private Schema networknt;
  private Gate gate;
  private EnvelopeCodec codec;
  private SchemaEngine engine;
  private CompiledSchema compiled;

  @Setup
  public void setUp() throws Exception {
    JsonNode sample = Models.sample("customer", "full-business-customer-with-contacts");
    payload = mapper.writeValueAsBytes(sample);
    System.out.println("payload bytes: " + payload.length);
    String schema = Models.read("entities/customer.schema.json");
    SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
    networknt = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaRegistryConfig(config)).getSchema(schema);
    networknt.initializeValidators();
    Path folder = Models.localFolder(Files.createTempDirectory("gate-bench"));
    gate = Gate.builder(SchemaCache.builder(new LocalSchemaSource(folder)).build()).build();
    codec = EnvelopeCodec.withDefaults();
    engine = SchemaEngine.withDefaults();
    compiled = ((Lookup.Found) gate.cache().version("customer", 1, 0)).schema().compiled();
    attributes = Map.of("specversion", "1.0", "id", "1", "source", "crm", "type", "org.example.customer.changed",
        "dataschema", "customer@1.0");
    if (!(gate.ingress(((Decoded) codec.fromBinary(attributes, payload)).envelope()) instanceof Accepted)
        || !networknt.validate(mapper.readTree(payload)).isEmpty()) {
      throw new IllegalStateException("the sample must be valid");
    }
    System.out.println(new String(payload, StandardCharsets.UTF_8).length() + " chars");
  }

  @Benchmark
  public JsonNode jacksonParseOnly() {
    return mapper.readTree(payload);
  }

  @Benchmark
  public boolean networkntParseAndValidate() {
    return networknt.validate(mapper.readTree(payload)).isEmpty();
  }

  /** schema-core alone: its bounded parser and fail-fast check, i.e. the gate minus envelope, cache and metrics. */
  @Benchmark
  public boolean schemaCoreParseAndIsValid() {
    return compiled.isValid(engine.parseInstance(payload));
  }

  @Benchmark
  public Object gate() {
    return gate.ingress(((Decoded) codec.fromBinary(attributes, payload)).envelope());
  }
}
