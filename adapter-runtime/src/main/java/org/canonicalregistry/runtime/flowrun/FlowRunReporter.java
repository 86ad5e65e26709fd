package org.canonicalregistry.runtime.flowrun;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells the registry how each flow ran, so it can answer "did CRM-to-billing run last night?". Counts what the
 * router and replayer report per flow id and posts one run summary per flow and window to
 * {@code POST /api/v1/flows/{flowId}/runs} (body in docs/adapter-runtime.md): every {@code interval} when the
 * flow saw traffic, and at {@link #close()}.
 *
 * <p>A post that fails (no answer, 5xx, 408, 429) is kept and sent again at the next tick with the same
 * {@code runId}, which the registry uses to make the retry idempotent. A 4xx answer is logged and dropped: sending
 * the same body again cannot fix it. Messages without a flow id are not reported. Thread-safe.
 */
public final class FlowRunReporter implements AutoCloseable {

  private static final Logger LOG = System.getLogger(FlowRunReporter.class.getName());
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** A run summary ready to post; immutable once built. */
  record Run(String flowId, UUID runId, Instant startedAt, Instant endedAt, long received, long accepted,
             long rejected, long deadLettered, long replayed, List<String> schemaVersions) {

    String status() {
      if (rejected == 0 && deadLettered == 0) {
        return "SUCCEEDED";
      }
      return accepted == 0 ? "FAILED" : "PARTIAL";
    }

    byte[] body() {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("runId", runId.toString());
      root.put("startedAt", startedAt.toString());
      root.put("endedAt", endedAt.toString());
      root.put("status", status());
      ObjectNode counts = root.putObject("counts");
      counts.put("received", received);
      counts.put("accepted", accepted);
      counts.put("rejected", rejected);
      counts.put("deadLettered", deadLettered);
      counts.put("replayed", replayed);
      schemaVersions.forEach(root.putArray("schemaVersions")::add);
      return MAPPER.writeValueAsBytes(root);
    }
  }

  private static final class Window {
    final Instant startedAt;
    final LongAdder received = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder deadLettered = new LongAdder();
    final LongAdder replayed = new LongAdder();
    final Set<String> versions = ConcurrentHashMap.newKeySet();

    Window(Instant startedAt) {
      this.startedAt = startedAt;
    }

    boolean idle() {
      return received.sum() == 0 && replayed.sum() == 0 && deadLettered.sum() == 0;
    }
  }

  private static final class FlowWindow {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    Window current;

    FlowWindow(Instant now) {
      this.current = new Window(now);
    }
  }

  /** Which counter an event moves. */
  public enum Event { RECEIVED, ACCEPTED, REJECTED, DEAD_LETTERED, REPLAYED }

  private final URI registry;
  private final String token;
  private final Clock clock;
  private final Duration timeout;
  private final HttpClient http;
  private final Map<String, FlowWindow> flows = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Run> unsent = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService scheduler;

  private FlowRunReporter(Builder b) {
    this.registry = b.registry;
    this.token = b.token;
    this.clock = b.clock;
    this.timeout = b.timeout;
    this.http = HttpClient.newBuilder().connectTimeout(b.timeout).build();
    if (b.interval != null) {
      this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flow-run-reporter");
        t.setDaemon(true);
        return t;
      });
      long ms = b.interval.toMillis();
      scheduler.scheduleWithFixedDelay(this::flushQuietly, ms, ms, TimeUnit.MILLISECONDS);
    } else {
      this.scheduler = null;
    }
  }

  /** @param registry the registry's root URI, e.g. {@code http://registry:8080} */
  public static Builder builder(URI registry) {
    return new Builder(registry);
  }

  /**
   * Counts one event for a flow.
   *
   * @param flowId flow id; null is ignored
   * @param schema {@code entity@MAJOR.MINOR} the message had, or null when unknown
   */
  public void record(String flowId, Event event, String schema) {
    if (flowId == null) {
      return;
    }
    FlowWindow fw = flows.computeIfAbsent(flowId, id -> new FlowWindow(clock.instant()));
    fw.lock.readLock().lock();
    try {
      Window w = fw.current;
      switch (event) {
        case RECEIVED -> w.received.increment();
        case ACCEPTED -> w.accepted.increment();
        case REJECTED -> w.rejected.increment();
        case DEAD_LETTERED -> w.deadLettered.increment();
        case REPLAYED -> w.replayed.increment();
        default -> throw new IllegalStateException("unhandled " + event);
      }
      if (schema != null) {
        w.versions.add(schema);
      }
    } finally {
      fw.lock.readLock().unlock();
    }
  }

  /**
   * Closes the current window of every flow that saw traffic and posts the summaries, plus any earlier ones that
   * could not be sent.
   *
   * @return how many summaries are still unsent (will be retried)
   */
  public int flush() {
    Instant now = clock.instant();
    for (Map.Entry<String, FlowWindow> e : flows.entrySet()) {
      FlowWindow fw = e.getValue();
      Window closed;
      fw.lock.writeLock().lock();
      try {
        if (fw.current.idle()) {
          continue;
        }
        closed = fw.current;
        fw.current = new Window(now);
      } finally {
        fw.lock.writeLock().unlock();
      }
      unsent.add(new Run(e.getKey(), UUID.randomUUID(), closed.startedAt, now, closed.received.sum(),
          closed.accepted.sum(), closed.rejected.sum(), closed.deadLettered.sum(), closed.replayed.sum(),
          new ArrayList<>(new TreeSet<>(closed.versions))));
    }
    List<Run> retry = new ArrayList<>();
    for (Run run; (run = unsent.poll()) != null; ) {
      if (!post(run)) {
        retry.add(run);
      }
    }
    unsent.addAll(retry);
    return retry.size();
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "flow-run report failed; will retry", e);
    }
  }

  /** @return true when done with (sent, or refused for good) */
  private boolean post(Run run) {
    URI uri = registry.resolve("/api/v1/flows/" + encode(run.flowId()) + "/runs");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(run.body()));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status / 100 == 2) {
        return true;
      }
      if (status >= 500 || status == 408 || status == 429) {
        LOG.log(Level.WARNING, "flow-run report {0} for {1} got HTTP {2}; will retry", run.runId(), run.flowId(),
            status);
        return false;
      }
      LOG.log(Level.ERROR, "flow-run report {0} for {1} refused with HTTP {2}: {3}", run.runId(), run.flowId(),
          status, response.body());
      return true;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "flow-run report " + run.runId() + " for " + run.flowId() + " not sent; will retry: "
          + e);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String encode(String segment) {
    return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Stops the schedule and posts what is left. Idempotent. */
  @Override
  public void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    flushQuietly();
  }

  /** Collects settings; not thread-safe. */
  public static final class Builder {
    private final URI registry;
    private String token;
    private Clock clock = Clock.systemUTC();
    private Duration interval = Duration.ofMinutes(1);
    private Duration timeout = Duration.ofSeconds(5);

    private Builder(URI registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** Bearer token of an ADAPTER principal. */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How often to post; null posts only on {@link #flush()} and {@link #close()}. Default 1 min. */
    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    /** Connect and request timeout; default 5 s. */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public FlowRunReporter build() {
      return new FlowRunReporter(this);
    }
  }
}
