import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts and stops the real registry for the registry-backed ITs, run by exec-maven-plugin as a single-file
 * program ({@code java RegistryProcess.java ...}), so no build step is needed for it.
 *
 * <pre>
 * start JAR PORT DATA_DIR PID_FILE LOG_FILE TOKEN
 *                                             java -jar JAR --server.port=PORT --registry.data-dir=DATA_DIR in the
 *                                             background, with TOKEN as the first start's ADMIN token
 *                                             (registry.security.bootstrap-token); waits until /actuator/health is UP
 *                                             (at most 180 s)
 * stop PID_FILE                                ends that process (and only that one) and waits for it
 * </pre>
 */
public final class RegistryProcess {

  public static void main(String[] args) throws Exception {
    if (args.length == 7 && args[0].equals("start")) {
      start(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]), Path.of(args[5]),
          args[6]);
    } else if (args.length == 2 && args[0].equals("stop")) {
      stop(Path.of(args[1]));
    } else {
      throw new IllegalArgumentException("usage: start JAR PORT DATA_DIR PID_FILE LOG_FILE TOKEN | stop PID_FILE");
    }
  }

  private static void start(Path jar, int port, Path dataDir, Path pidFile, Path log, String token)
      throws Exception {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("registry jar " + jar + " does not exist; package registry-service first");
    }
    Files.createDirectories(dataDir);
    Files.createDirectories(log.getParent());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--server.port=" + port,
        "--registry.data-dir=" + dataDir, "--registry.security.bootstrap-token=" + token))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Files.writeString(pidFile, Long.toString(process.pid()));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    long begin = System.nanoTime();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("registry exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          System.out.println("registry " + process.pid() + " healthy on port " + port + " after "
              + (System.nanoTime() - begin) / 1_000_000 + " ms (log " + log + ")");
          return;
        }
      } catch (IOException notListeningYet) {
        // connection refused until the server is up
      }
      Thread.sleep(250);
    }
    process.destroyForcibly();
    throw new IllegalStateException("registry not healthy within 180 s; see " + log);
  }

  private static void stop(Path pidFile) throws Exception {
    if (!Files.isRegularFile(pidFile)) {
      System.out.println("no registry to stop (" + pidFile + " missing)");
      return;
    }
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isPresent()) {
      handle.get().destroy();
      try {
        handle.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        handle.get().destroyForcibly();
      }
      System.out.println("registry " + pid + " stopped");
    }
    Files.delete(pidFile);
  }
}
