package org.canonicalregistry.runtime.flowrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * The registry's {@code POST /api/v1/flows/{id}/runs} comes with the flows issue; until then a JDK HttpServer
 * stands in and checks each request against the agreed body (CONTRACT.md).
 */
class FlowRunReporterTest {

  record Request(String method, String path, String authorization, String contentType, JsonNode body) {
  }

  private HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failNext = new AtomicInteger();
  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/flows/", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
          Models.JSON.readTree(new String(body, StandardCharsets.UTF_8))));
      int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 201;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private FlowRunReporter reporter() {
    return FlowRunReporter.builder(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .token("crt_adapter").clock(clock).interval(null).timeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void aWindowWithTrafficIsPostedAsTheAgreedRunSummary() {
    FlowRunReporter reporter = reporter();
    for (int i = 0; i < 3; i++) {
      reporter.record("crm-to-billing", FlowRunReporter.Event.RECEIVED, "customer@2.3");
      reporter.record("crm-to-billing", FlowRunReporter.Event.ACCEPTED, "customer@2.3");
    }
    reporter.record("crm-to-billing", FlowRunReporter.Event.RECEIVED, "customer@2.1");
    reporter.record("crm-to-billing", FlowRunReporter.Event.REJECTED, "customer@2.1");
    reporter.record("crm-to-billing", FlowRunReporter.Event.DEAD_LETTERED, "customer@2.1");
    clock.advance(Duration.ofMinutes(1));

    assertThat(reporter.flush()).isZero();

    assertThat(requests).hasSize(1);
    Request r = requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/api/v1/flows/crm-to-billing/runs");
    assertThat(r.authorization()).isEqualTo("Bearer crt_adapter");
    assertThat(r.contentType()).isEqualTo("application/json");
    JsonNode body = r.body();
    assertThat(body.path("runId").asString()).matches("[0-9a-f-]{36}");
    assertThat(body.path("startedAt").asString()).isEqualTo("2026-11-22T01:00:00Z");
    assertThat(body.path("endedAt").asString()).isEqualTo("2026-11-22T01:01:00Z");
    assertThat(body.path("status").asString()).isEqualTo("PARTIAL");
    assertThat(body.path("counts")).isEqualTo(Models.JSON.readTree(
        "{\"received\":4,\"accepted\":3,\"rejected\":1,\"deadLettered\":1,\"replayed\":0}"));
    assertThat(body.path("schemaVersions")).isEqualTo(Models.JSON.readTree("[\"customer@2.1\",\"customer@2.3\"]"));
    assertThat(body.propertyNames()).containsExactlyInAnyOrder("runId", "startedAt", "endedAt", "status", "counts",
        "schemaVersions");
  }

  @Test
  void statusIsSucceededWithoutRejectsAndFailedWhenNothingWasAccepted() {
    FlowRunReporter reporter = reporter();
    reporter.record("a", FlowRunReporter.Event.RECEIVED, "customer@1.0");
    reporter.record("a", FlowRunReporter.Event.ACCEPTED, "customer@1.0");
    reporter.record("b", FlowRunReporter.Event.RECEIVED, "customer@1.0");
    reporter.record("b", FlowRunReporter.Event.REJECTED, "customer@1.0");
    reporter.record("b", FlowRunReporter.Event.DEAD_LETTERED, "customer@1.0");

    reporter.flush();

    assertThat(requests).extracting(r -> r.path() + " " + r.body().path("status").asString())
        .containsExactlyInAnyOrder("/api/v1/flows/a/runs SUCCEEDED", "/api/v1/flows/b/runs FAILED");
  }

  @Test
  void aFailedPostIsRetriedWithTheSameRunIdAndTheNextWindowStartsWhereTheLastEnded() {
    FlowRunReporter reporter = reporter();
    reporter.record("crm-to-billing", FlowRunReporter.Event.RECEIVED, "customer@1.0");
    failNext.set(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(reporter.flush()).as("unsent").isEqualTo(1);

    reporter.record("crm-to-billing", FlowRunReporter.Event.REPLAYED, "customer@1.0");
    clock.advance(Duration.ofMinutes(1));
    assertThat(reporter.flush()).isZero();

    assertThat(requests).hasSize(3);
    assertThat(requests.get(1).body().path("runId")).isEqualTo(requests.get(0).body().path("runId"));
    assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
    JsonNode next = requests.get(2).body();
    assertThat(next.path("runId")).isNotEqualTo(requests.get(0).body().path("runId"));
    assertThat(next.path("startedAt")).isEqualTo(requests.get(0).body().path("endedAt"));
    assertThat(next.path("counts").path("replayed").asLong()).isEqualTo(1);
  }

  @Test
  void idleFlowsAreNotReportedAndCloseSendsWhatIsLeft() {
    FlowRunReporter reporter = reporter();
    reporter.flush();
    assertThat(requests).isEmpty();

    reporter.record("crm-to-billing", FlowRunReporter.Event.RECEIVED, null);
    reporter.record(null, FlowRunReporter.Event.RECEIVED, "customer@1.0");
    reporter.close();

    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).body().path("schemaVersions").size()).isZero();
  }
}
