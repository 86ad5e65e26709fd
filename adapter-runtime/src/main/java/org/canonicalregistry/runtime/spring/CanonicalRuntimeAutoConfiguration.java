package org.canonicalregistry.runtime.spring;

import java.time.Clock;

import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.RuntimeMetrics;
import org.canonicalregistry.runtime.flowrun.FlowRunReporter;
import org.canonicalregistry.runtime.schema.CircuitBreaker;
import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.RegistrySchemaSource;
import org.canonicalregistry.runtime.schema.ResilientSchemaSource;
import org.canonicalregistry.runtime.schema.RetryPolicy;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.schema.SchemaSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Spring Boot wiring of the plain-Java runtime from {@link CanonicalRuntimeProperties}: a schema source (registry
 * with retries and a circuit breaker, or a local folder), the schema cache, the gate, metrics in the application's
 * {@link MeterRegistry}, and, when enabled, the flow-run reporter. Every bean backs off when the application
 * defines its own. Routers are not created here: each application decides its topics and routes.
 */
@AutoConfiguration
@EnableConfigurationProperties(CanonicalRuntimeProperties.class)
public class CanonicalRuntimeAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  RuntimeMetrics canonicalRuntimeMetrics(ObjectProvider<MeterRegistry> registry) {
    return new RuntimeMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  @ConditionalOnMissingBean
  SchemaSource canonicalSchemaSource(CanonicalRuntimeProperties properties, RuntimeMetrics metrics) {
    CanonicalRuntimeProperties.Registry registry = properties.registry();
    if (properties.cache().localSchemas() != null) {
      if (registry.url() != null) {
        throw new IllegalStateException("set one of canonical.runtime.registry.url and"
            + " canonical.runtime.cache.local-schemas, not both");
      }
      return new LocalSchemaSource(properties.cache().localSchemas());
    }
    if (registry.url() == null) {
      throw new IllegalStateException("canonical.runtime.registry.url is not set (or set"
          + " canonical.runtime.cache.local-schemas to a schema folder)");
    }
    RegistrySchemaSource http = RegistrySchemaSource.builder(registry.url())
        .timeout(registry.timeout()).token(registry.token()).build();
    return new ResilientSchemaSource(http, new RetryPolicy(registry.attempts(), java.time.Duration.ofMillis(100),
        java.time.Duration.ofSeconds(2)), new CircuitBreaker(registry.breakerThreshold(), registry.breakerOpen(),
        Clock.systemUTC()), d -> Thread.sleep(d.toMillis()), e -> metrics.registryError());
  }

  @Bean
  @ConditionalOnMissingBean
  SchemaCache canonicalSchemaCache(SchemaSource source, CanonicalRuntimeProperties properties,
                                   RuntimeMetrics metrics) {
    CanonicalRuntimeProperties.Cache c = properties.cache();
    SchemaCache.Builder b = SchemaCache.builder(source).maxEntries(c.maxEntries()).latestTtl(c.latestTtl())
        .stateTtl(c.stateTtl()).missTtl(c.missTtl()).listener(metrics);
    if (c.snapshot() != null) {
      b.snapshot(c.snapshot());
    }
    return b.build();
  }

  @Bean
  @ConditionalOnMissingBean
  Gate canonicalGate(SchemaCache cache, RuntimeMetrics metrics, CanonicalRuntimeProperties properties) {
    return Gate.builder(cache).metrics(metrics).maxStringLength(properties.gate().maxStringLength()).build();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "canonical.runtime.flow-runs", name = "enabled", havingValue = "true")
  FlowRunReporter canonicalFlowRunReporter(CanonicalRuntimeProperties properties) {
    if (properties.registry().url() == null) {
      throw new IllegalStateException("canonical.runtime.flow-runs.enabled needs canonical.runtime.registry.url");
    }
    return FlowRunReporter.builder(properties.registry().url()).token(properties.registry().token())
        .interval(properties.flowRuns().interval()).build();
  }
}
