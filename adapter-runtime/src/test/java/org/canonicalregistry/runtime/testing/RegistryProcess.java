package org.canonicalregistry.runtime.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real registry, launched from its packaged jar as a child process ({@code java -jar registry-service.jar}) on
 * a free port with its own H2 data directory. It can be stopped and started again on the same port and data, as an
 * outage would.
 */
public final class RegistryProcess implements AutoCloseable {

  private static final Duration STARTUP_BUDGET = Duration.ofSeconds(150);

  /** The bootstrap admin's token, preset so tests can make principals (test-only value). */
  public static final String ADMIN_TOKEN = "crt_AdapterTestsBootstrapAdmin_0123456789abcdefXYZ";

  private final Path jar;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private Process process;

  public RegistryProcess() throws IOException {
    String path = System.getProperty("registry.jar");
    if (path == null || path.isBlank() || path.startsWith("${")) {
      throw new IllegalStateException("system property registry.jar is not set: run through `./mvnw verify`"
          + " (failsafe passes the registry-service jar's path)");
    }
    this.jar = Path.of(path);
    this.dataDir = Files.createTempDirectory("adapter-registry-");
    this.log = Files.createTempFile("adapter-registry-", ".log");
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Starts the jar and waits until its health is UP. */
  public RegistryProcess start() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
        "--server.port=" + port, "--registry.data-dir=" + dataDir,
        "--registry.security.bootstrap-token=" + ADMIN_TOKEN))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + STARTUP_BUDGET.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("registry exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri().resolve("/actuator/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return this;
        }
      } catch (IOException notListeningYet) {
        // Tomcat is not up yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("registry not healthy within " + STARTUP_BUDGET + ":\n" + tail());
  }

  /**
   * Calls the registry's API and checks the status.
   *
   * @param token  bearer token, or null for an anonymous call
   * @param body   JSON request body, or null for none
   * @return the response body as JSON (a missing node when empty)
   */
  public JsonNode call(String method, String path, String token, String body, int expectedStatus)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri().resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = HTTP.send(request.build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != expectedStatus) {
      throw new AssertionError(method + " " + path + ": expected " + expectedStatus + ", got " + response.statusCode()
          + ": " + response.body());
    }
    return response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
  }

  /** Makes a principal with one role and returns a fresh token for it. */
  public String tokenFor(String name, String role) throws IOException, InterruptedException {
    call("POST", "/api/v1/principals", ADMIN_TOKEN, "{\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"]}", 201);
    return call("POST", "/api/v1/principals/" + name + "/tokens", ADMIN_TOKEN, "{\"label\":\"it\"}", 201)
        .path("token").asString();
  }

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Stops the process (as an outage would) and waits until it is gone. */
  public void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
