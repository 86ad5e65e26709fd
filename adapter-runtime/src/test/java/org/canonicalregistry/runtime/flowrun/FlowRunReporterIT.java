package org.canonicalregistry.runtime.flowrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.canonicalregistry.runtime.testing.RegistryProcess;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The flow-run reporter against the real registry jar (sample landscape loaded): an adapter's run summary lands
 * as a run of the flow, so the registry can answer "did CRM-to-billing run?"; a summary made while the registry is
 * down is kept and delivered once it is back; and the registry's own authorization applies (a token without the
 * ADAPTER role is refused, for good, and nothing is recorded).
 */
class FlowRunReporterIT {

  static final String FLOW = "crm-to-billing-customer";

  @Test
  void runSummariesReachTheRegistryAndSurviveAnOutage() throws Exception {
    try (RegistryProcess registry = new RegistryProcess().start()) {
      URI base = registry.uri();
      String adapter = registry.tokenFor("hub-adapter", "ADAPTER");
      String reader = registry.tokenFor("just-reading", "READER");

      try (FlowRunReporter reporter = FlowRunReporter.builder(base).token(adapter)
          .interval(Duration.ofHours(1)).build()) {
        for (int i = 0; i < 5; i++) {
          reporter.record(FLOW, FlowRunReporter.Event.RECEIVED, "customer@1.0");
        }
        for (int i = 0; i < 4; i++) {
          reporter.record(FLOW, FlowRunReporter.Event.ACCEPTED, "customer@1.0");
        }
        reporter.record(FLOW, FlowRunReporter.Event.REJECTED, "customer@1.0");
        reporter.record(FLOW, FlowRunReporter.Event.DEAD_LETTERED, "customer@1.0");

        assertThat(reporter.flush()).as("nothing left unsent").isZero();

        JsonNode runs = registry.call("GET", "/api/v1/flows/" + FLOW + "/runs", null, null, 200);
        assertThat(runs).hasSize(1);
        JsonNode run = runs.get(0);
        assertThat(run.path("reportedBy").asString()).isEqualTo("hub-adapter");
        assertThat(run.path("counts").path("received").asLong()).isEqualTo(5);
        assertThat(run.path("counts").path("accepted").asLong()).isEqualTo(4);
        assertThat(run.path("counts").path("rejected").asLong()).isEqualTo(1);
        assertThat(run.path("counts").path("deadLettered").asLong()).isEqualTo(1);
        assertThat(registry.call("GET", "/api/v1/flows/" + FLOW + "/health", null, null, 200)
            .path("slaState").asString())
            .isNotEqualTo("NEVER_RAN");

        registry.stop();
        reporter.record(FLOW, FlowRunReporter.Event.RECEIVED, "customer@1.0");
        reporter.record(FLOW, FlowRunReporter.Event.ACCEPTED, "customer@1.0");
        assertThat(reporter.flush()).as("kept while the registry is down").isEqualTo(1);

        registry.start();
        assertThat(reporter.flush()).isZero();
        assertThat(registry.call("GET", "/api/v1/flows/" + FLOW + "/runs", null, null, 200)).hasSize(2);
      }

      try (FlowRunReporter refused = FlowRunReporter.builder(base).token(reader)
          .interval(Duration.ofHours(1)).build()) {
        refused.record(FLOW, FlowRunReporter.Event.RECEIVED, "customer@1.0");
        assertThat(refused.flush()).as("a 403 is final, not retried forever").isZero();
      }
      assertThat(registry.call("GET", "/api/v1/flows/" + FLOW + "/runs", null, null, 200)).hasSize(2);
    }
  }
}
