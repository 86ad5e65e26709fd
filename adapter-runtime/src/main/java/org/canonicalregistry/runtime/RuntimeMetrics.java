package org.canonicalregistry.runtime;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.schema.SchemaDescriptor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The runtime's Micrometer meters (see docs/adapter-runtime.md for the list). Counters are tagged by
 * {@code flow}, {@code entity}, {@code version} and, where it applies, {@code reason} and {@code stage}
 * ({@code ingress} or {@code egress}); absent values are tagged {@code none}. Meters are looked up once per tag
 * combination and then kept, so recording costs a map lookup. Thread-safe.
 */
public final class RuntimeMetrics implements SchemaCache.Listener {

  /** Common prefix of every meter name. */
  public static final String PREFIX = "canonical.runtime.";

  private final MeterRegistry registry;
  private final Map<MeterKey, Counter> counters = new ConcurrentHashMap<>();
  private final Map<MeterKey, Timer> timers = new ConcurrentHashMap<>();

  /** One meter's name and tags; a record rather than a joined string, so recording allocates no text. */
  private record MeterKey(String name, String stage, String flow, String entity, String version, String qualifier) {
  }

  private static final MeterKey REGISTRY_ERRORS = new MeterKey("registry.errors", null, null, null, null, null);

  public RuntimeMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Metrics kept in memory only (for tests and applications without a registry). */
  public static RuntimeMetrics inMemory() {
    return new RuntimeMetrics(new SimpleMeterRegistry());
  }

  /** @return the registry the meters live in */
  public MeterRegistry registry() {
    return registry;
  }

  void received(String stage, String flow, String entity, String version) {
    counter("received", stage, flow, entity, version, null).increment();
  }

  void accepted(String stage, String flow, String entity, String version) {
    counter("accepted", stage, flow, entity, version, null).increment();
  }

  void rejected(String stage, String flow, String entity, String version, ReasonCode reason) {
    counter("rejected", stage, flow, entity, version, reason.name()).increment();
  }

  void deprecated(String stage, String flow, String entity, String version) {
    counter("deprecated", stage, flow, entity, version, null).increment();
  }

  void validation(String entity, String version, long nanos, boolean valid) {
    timers.computeIfAbsent(new MeterKey("validation", null, null, entity, version, valid ? "true" : "false"),
        k -> Timer.builder(PREFIX + "validation")
        .description("Time to validate one payload against its schema")
        .tag("entity", entity).tag("version", version).tag("valid", Boolean.toString(valid))
        .publishPercentileHistogram()
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts a message written to a dead-letter topic. */
  public void deadLettered(String flow, String entity, String version, ReasonCode reason) {
    counter("dead_lettered", "router", flow, entity, version, reason.name()).increment();
  }

  /** Counts a dead letter the replayer re-submitted; {@code outcome} is {@code delivered} or {@code rejected}. */
  public void replayed(String flow, String entity, String version, String outcome) {
    counter("replayed", "replay", flow, entity, version, outcome).increment();
  }

  /** Counts a failed call to the schema source (each attempt, and each refusal by an open breaker). */
  public void registryError() {
    counters.computeIfAbsent(REGISTRY_ERRORS, k -> Counter.builder(PREFIX + "registry.errors")
        .description("Failed schema-registry calls").register(registry)).increment();
  }

  @Override
  public void hit(SchemaDescriptor schema) {
    cache("hit");
  }

  @Override
  public void miss(String what) {
    cache("miss");
  }

  private void cache(String result) {
    MeterKey key = new MeterKey("cache", null, null, null, null, result);
    counters.computeIfAbsent(key, k -> Counter.builder(PREFIX + "cache")
        .description("Schema cache lookups").tag("result", result).register(registry)).increment();
  }

  private Counter counter(String name, String stage, String flow, String entity, String version, String reason) {
    String f = flow == null ? "none" : flow;
    String e = entity == null ? "none" : entity;
    String v = version == null ? "none" : version;
    return counters.computeIfAbsent(new MeterKey(name, stage, f, e, v, reason), k -> {
      Counter.Builder b = Counter.builder(PREFIX + name).tag("stage", stage).tag("flow", f).tag("entity", e)
          .tag("version", v);
      if (reason != null) {
        b.tag(name.equals("replayed") ? "outcome" : "reason", reason);
      }
      return b.register(registry);
    });
  }
}
