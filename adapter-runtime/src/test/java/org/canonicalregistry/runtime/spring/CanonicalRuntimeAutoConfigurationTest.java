package org.canonicalregistry.runtime.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.RuntimeMetrics;
import org.canonicalregistry.runtime.flowrun.FlowRunReporter;
import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.ResilientSchemaSource;
import org.canonicalregistry.runtime.schema.SchemaSource;
import org.canonicalregistry.runtime.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CanonicalRuntimeAutoConfigurationTest {

  @TempDir
  Path folder;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CanonicalRuntimeAutoConfiguration.class));

  @Test
  void aLocalSchemaFolderGivesAWorkingGateWhoseMetricsGoToTheApplicationsRegistry() {
    Path models = Models.localFolder(folder);
    MeterRegistry meters = new SimpleMeterRegistry();
    runner.withBean(MeterRegistry.class, () -> meters)
        .withPropertyValues("canonical.runtime.cache.local-schemas=" + models, "canonical.runtime.gate.max-string-length=500")
        .run(context -> {
          assertThat(context).hasSingleBean(Gate.class).doesNotHaveBean(FlowRunReporter.class);
          assertThat(context.getBean(SchemaSource.class)).isInstanceOf(LocalSchemaSource.class);
          Gate gate = context.getBean(Gate.class);
          assertThat(gate.ingress(Models.envelope("customer@1.0", Models.sample("customer", "minimal-business-customer"))))
              .isInstanceOf(Accepted.class);
          assertThat(meters.get("canonical.runtime.accepted").counter().count()).isEqualTo(1.0);
        });
  }

  @Test
  void aRegistryUrlGivesAResilientRegistrySourceAndEnablesRunReports() {
    runner.withPropertyValues("canonical.runtime.registry.url=http://127.0.0.1:9",
            "canonical.runtime.registry.token=crt_x", "canonical.runtime.flow-runs.enabled=true",
            "canonical.runtime.cache.snapshot=" + folder.resolve("snapshot.json"))
        .run(context -> {
          assertThat(context.getBean(SchemaSource.class)).isInstanceOf(ResilientSchemaSource.class);
          assertThat(context).hasSingleBean(FlowRunReporter.class).hasSingleBean(RuntimeMetrics.class);
        });
  }

  @Test
  void withoutASchemaSourceTheContextFailsNamingTheProperty() {
    runner.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
        .hasMessageContaining("canonical.runtime.registry.url"));
  }

  @Test
  void anApplicationsOwnGateWins() {
    Path models = Models.localFolder(folder);
    runner.withPropertyValues("canonical.runtime.cache.local-schemas=" + models)
        .withBean("myGate", Gate.class, () -> Gate.builder(
            org.canonicalregistry.runtime.schema.SchemaCache.builder(new LocalSchemaSource(models)).build()).build())
        .run(context -> assertThat(context).hasSingleBean(Gate.class).hasBean("myGate"));
  }
}
