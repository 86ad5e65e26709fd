package org.canonicalregistry.runtime.spring;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code canonical.runtime.*}: the runtime's settings for Spring Boot applications. Exactly one schema source:
 * {@code registry.url} or {@code cache.local-schemas}.
 *
 * @param registry the registry to read schemas from
 * @param cache    schema cache lifetimes and snapshot
 * @param gate     gate limits
 * @param flowRuns flow-run reporting to the registry
 */
@ConfigurationProperties("canonical.runtime")
public record CanonicalRuntimeProperties(@DefaultValue Registry registry, @DefaultValue Cache cache,
                                         @DefaultValue Gate gate, @DefaultValue FlowRuns flowRuns) {

  /**
   * @param url              registry root, e.g. {@code http://registry:8080}
   * @param token            bearer token of an ADAPTER principal (reads may need none; run reports do)
   * @param timeout          connect and request timeout
   * @param attempts         attempts per registry call
   * @param breakerThreshold failures in a row that open the circuit breaker
   * @param breakerOpen      how long the breaker stays open
   */
  public record Registry(URI url, String token, @DefaultValue("2s") Duration timeout,
                         @DefaultValue("3") int attempts, @DefaultValue("5") int breakerThreshold,
                         @DefaultValue("30s") Duration breakerOpen) {
  }

  /**
   * @param maxEntries   bound of the compiled-schema LRU
   * @param latestTtl    lifetime of a {@code latest} answer
   * @param stateTtl     how long a version's state is trusted
   * @param missTtl      how long "no such version" is remembered
   * @param snapshot     file the cache persists to, or none
   * @param localSchemas a LocalSchemaSource folder to use instead of the registry
   */
  public record Cache(@DefaultValue("1000") int maxEntries, @DefaultValue("30s") Duration latestTtl,
                      @DefaultValue("5m") Duration stateTtl, @DefaultValue("10s") Duration missTtl, Path snapshot,
                      Path localSchemas) {
  }

  /** @param maxStringLength longest string let through to the validator */
  public record Gate(@DefaultValue("8192") int maxStringLength) {
  }

  /**
   * @param enabled  post run summaries to the registry
   * @param interval how often
   */
  public record FlowRuns(@DefaultValue("false") boolean enabled, @DefaultValue("1m") Duration interval) {
  }
}
