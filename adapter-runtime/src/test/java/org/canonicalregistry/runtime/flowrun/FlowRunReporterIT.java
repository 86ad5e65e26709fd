package org.canonicalregistry.runtime.flowrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.canonicalregistry.runtime.testing.RegistryProcess;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The flow-run reporter against the real registry jar (sample landscape loaded): an adapter's run summary lands
 * as a run of the flow, so the registry can answer "did CRM-to-billing run?"; a summary made while the registry is
 * down is kept and delivered once it is back; and the registry's own authorization applies (a token without the
 * ADAPTER role is refused, for good, and nothing is recorded).
 */
class FlowRunReporterIT {

  static final String FLOW = "crm-to-billing-customer";
  static final JsonMapper JSON = JsonMapper.builder().build();
  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void runSummariesReachTheRegistryAndSurviveAnOutage() throws Exception {
    try (RegistryProcess registry = new RegistryProcess().start()) {
      URI base = registry.uri();
      String adapter = tokenFor(base, "hub-adapter", "ADAPTER");
      String reader = tokenFor(base, "just-reading", "READER");

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

        JsonNode runs = get(base, "/api/v1/flows/" + FLOW + "/runs");
        assertThat(runs).hasSize(1);
        JsonNode run = runs.get(0);
        assertThat(run.path("reportedBy").asString()).isEqualTo("hub-adapter");
        assertThat(run.path("counts").path("received").asLong()).isEqualTo(5);
        assertThat(run.path("counts").path("accepted").asLong()).isEqualTo(4);
        assertThat(run.path("counts").path("rejected").asLong()).isEqualTo(1);
        assertThat(run.path("counts").path("deadLettered").asLong()).isEqualTo(1);
        assertThat(get(base, "/api/v1/flows/" + FLOW + "/health").path("slaState").asString())
            .isNotEqualTo("NEVER_RAN");

        registry.stop();
        reporter.record(FLOW, FlowRunReporter.Event.RECEIVED, "customer@1.0");
        reporter.record(FLOW, FlowRunReporter.Event.ACCEPTED, "customer@1.0");
        assertThat(reporter.flush()).as("kept while the registry is down").isEqualTo(1);

        registry.start();
        assertThat(reporter.flush()).isZero();
        assertThat(get(base, "/api/v1/flows/" + FLOW + "/runs")).hasSize(2);
      }

      try (FlowRunReporter refused = FlowRunReporter.builder(base).token(reader)
          .interval(Duration.ofHours(1)).build()) {
        refused.record(FLOW, FlowRunReporter.Event.RECEIVED, "customer@1.0");
        assertThat(refused.flush()).as("a 403 is final, not retried forever").isZero();
      }
      assertThat(get(base, "/api/v1/flows/" + FLOW + "/runs")).hasSize(2);
    }
  }

  private String tokenFor(URI base, String name, String role) throws Exception {
    post(base, "/api/v1/principals", "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]}", 201);
    return post(base, "/api/v1/principals/" + name + "/tokens", "{\"label\":\"it\"}", 201).path("token").asString();
  }

  private JsonNode post(URI base, String path, String body, int expected) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
        .header("Authorization", "Bearer " + RegistryProcess.ADMIN_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    return JSON.readTree(response.body());
  }

  private JsonNode get(URI base, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
