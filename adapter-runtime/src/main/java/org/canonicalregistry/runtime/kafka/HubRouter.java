package org.canonicalregistry.runtime.kafka;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Attempt;
import org.canonicalregistry.runtime.Decoded;
import org.canonicalregistry.runtime.Decoding;
import org.canonicalregistry.runtime.Envelope;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.ReasonCode;
import org.canonicalregistry.runtime.Rejected;
import org.canonicalregistry.runtime.Verdict;
import org.canonicalregistry.runtime.flowrun.FlowRunReporter;
import org.canonicalregistry.runtime.schema.ResilientSchemaSource.Sleeper;

/**
 * Consumes a topic, runs the {@link Gate} on every record and produces each one exactly where it belongs: accepted
 * messages to the route's target topic (binary-mode CloudEvents), rejects to the dead-letter topic with
 * {@link DeadLetters} headers. Nothing is dropped: a record's offset is committed only after its output record is
 * acknowledged (at-least-once, idempotent producer), or, with a transactional id, in the same transaction as the
 * output (exactly-once processing). A message whose schema is unavailable is retried per
 * {@link RouterConfig#unavailableRetry()}, then dead-lettered with {@code SCHEMA_UNAVAILABLE}.
 *
 * <p>One consumer thread per router; run several routers in one group to scale. {@link #start()} once;
 * {@link #close()} stops after the batch in hand and commits it; {@link #abort()} stops as a crash would (nothing
 * in flight is committed; the next router of the group reprocesses it).
 */
public final class HubRouter implements AutoCloseable {

  private static final Logger LOG = System.getLogger(HubRouter.class.getName());

  private final RouterConfig config;
  private final Gate gate;
  private final KafkaEnvelopes envelopes;
  private final FlowRunReporter flowRuns;
  private final Clock clock;
  private final Sleeper sleeper;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;
  private final Thread thread;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicLong routed = new AtomicLong();
  private volatile boolean running;
  private volatile boolean aborting;
  private volatile Throwable failure;

  private HubRouter(Builder b) {
    this.config = b.config;
    this.gate = b.gate;
    this.envelopes = b.envelopes;
    this.flowRuns = b.flowRuns;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.consumer = new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    this.producer = new KafkaProducer<>(producerProperties(config, config.transactionalId()),
        new ByteArraySerializer(), new ByteArraySerializer());
    this.thread = new Thread(this::run, "hub-router-" + config.sourceTopic());
  }

  static Map<String, Object> consumerProperties(RouterConfig config) {
    Map<String, Object> p = new HashMap<>(config.clientProperties());
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return p;
  }

  static Map<String, Object> producerProperties(RouterConfig config, String transactionalId) {
    Map<String, Object> p = new HashMap<>(config.clientProperties());
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
    if (transactionalId != null) {
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return p;
  }

  public static Builder builder(RouterConfig config, Gate gate) {
    return new Builder(config, gate);
  }

  /** Starts the consumer thread. */
  public HubRouter start() {
    running = true;
    thread.start();
    return this;
  }

  /** @return how many records were routed (accepted or dead-lettered) and committed */
  public long routed() {
    return routed.get();
  }

  /** @return the error that stopped the router, or null */
  public Throwable failure() {
    return failure;
  }

  /** @return true while the consumer thread runs */
  public boolean isRunning() {
    return thread.isAlive();
  }

  private void run() {
    try {
      if (config.transactionalId() != null) {
        producer.initTransactions();
      }
      consumer.subscribe(List.of(config.sourceTopic()));
      while (running) {
        ConsumerRecords<byte[], byte[]> records;
        try {
          records = consumer.poll(config.pollTimeout());
        } catch (WakeupException e) {
          break;
        }
        if (records.isEmpty()) {
          continue;
        }
        processBatch(records);
      }
    } catch (WakeupException e) {
      // close() or abort()
    } catch (RuntimeException | Error e) {
      if (!aborting) {
        failure = e;
        LOG.log(Level.ERROR, "hub router on " + config.sourceTopic() + " stopped", e);
      }
    } finally {
      Duration grace = aborting ? Duration.ZERO : Duration.ofSeconds(5);
      try {
        producer.close(grace);
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "producer close", e);
      }
      try {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(grace));
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "consumer close", e);
      }
      stopped.countDown();
    }
  }

  private void processBatch(ConsumerRecords<byte[], byte[]> records) {
    boolean tx = config.transactionalId() != null;
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    Map<TopicPartition, Long> firstOffsets = new HashMap<>();
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    List<Runnable> afterCommit = new ArrayList<>();
    try {
      if (tx) {
        producer.beginTransaction();
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        if (aborting) {
          return;
        }
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        firstOffsets.putIfAbsent(tp, record.offset());
        sends.add(producer.send(route(record, afterCommit)));
        offsets.put(tp, new OffsetAndMetadata(record.offset() + 1));
      }
      if (tx) {
        producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
        producer.commitTransaction();
      } else {
        producer.flush();
        for (Future<RecordMetadata> f : sends) {
          f.get();
        }
        if (aborting) {
          return;
        }
        consumer.commitSync(offsets);
      }
      routed.addAndGet(sends.size());
      afterCommit.forEach(Runnable::run);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while waiting for acknowledgements", e);
    } catch (ExecutionException | KafkaException e) {
      if (e instanceof org.apache.kafka.common.errors.ProducerFencedException
          || e instanceof WakeupException) {
        throw e instanceof KafkaException ke ? ke : new KafkaException(e);
      }
      // Not acknowledged: nothing of this batch is committed. Rewind and try the batch again (duplicates possible
      // downstream, losses not).
      LOG.log(Level.WARNING, "batch on " + config.sourceTopic() + " not acknowledged; reprocessing: " + e);
      if (tx) {
        try {
          producer.abortTransaction();
        } catch (KafkaException abortFailed) {
          throw abortFailed;
        }
      }
      firstOffsets.forEach(consumer::seek);
    }
  }

  /** Decides where one record goes; retries while its schema is unavailable. */
  private ProducerRecord<byte[], byte[]> route(ConsumerRecord<byte[], byte[]> record, List<Runnable> afterCommit) {
    Route route = config.route();
    Decoding decoding;
    try {
      decoding = envelopes.decode(record.headers(), record.value());
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "decoding failed on " + record.topic() + "/" + record.partition() + "/" + record.offset(), e);
      decoding = Rejected.of(ReasonCode.GATE_ERROR, "the runtime failed decoding this message: " + e, null);
    }
    if (decoding instanceof Rejected undecodable) {
      gate.countUndecodable(undecodable, null, route.stage());
      return deadLetter(record, undecodable, null, afterCommit);
    }
    Envelope envelope = ((Decoded) decoding).envelope();
    String flow = route.flowOf(envelope);
    int maxAttempts = config.unavailableRetry().maxAttempts();
    Verdict verdict = check(route, envelope, Attempt.of(1, maxAttempts));
    // An abort leaves the batch uncommitted, so a try it cuts short is never an outcome.
    for (int attempt = 1; verdict instanceof Rejected r && r.reason().transientCause() && attempt < maxAttempts
        && !aborting; attempt++) {
      pause(config.unavailableRetry().backoff(attempt, () -> ThreadLocalRandom.current().nextDouble()));
      verdict = check(route, envelope, Attempt.of(attempt + 1, maxAttempts));
    }
    if (verdict instanceof Rejected rejected) {
      return deadLetter(record, rejected, flow, afterCommit);
    }
    Accepted accepted = (Accepted) verdict;
    String label = accepted.schema().label();
    afterCommit.add(() -> report(flow, FlowRunReporter.Event.RECEIVED, label));
    afterCommit.add(() -> report(flow, FlowRunReporter.Event.ACCEPTED, label));
    RecordHeaders headers = new RecordHeaders();
    record.headers().forEach(h -> {
      if (!h.key().startsWith("dlq.")) {
        headers.add(h);
      }
    });
    envelopes.writeBinaryHeaders(accepted.envelope(), headers);
    byte[] value = KafkaEnvelopes.structured(record.headers())
        ? envelopes.codec().dataBytes(accepted.envelope())
        : record.value();
    byte[] key = envelope.subject() != null
        ? envelope.subject().getBytes(java.nio.charset.StandardCharsets.UTF_8)
        : record.key();
    return new ProducerRecord<>(route.targetTopic(accepted), null, key, value, headers);
  }

  /** A failure of the runtime on one message dead-letters that message; it must never stop the partition. */
  private Verdict check(Route route, Envelope envelope, Attempt attempt) {
    try {
      return route.check(gate, envelope, attempt);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "gate failed on message " + envelope.id() + " from " + envelope.source(), e);
      return Rejected.of(ReasonCode.GATE_ERROR, "the runtime failed on this message: " + e, envelope.dataschema());
    }
  }

  private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> record, Rejected rejected,
                                                    String flow, List<Runnable> afterCommit) {
    Route route = config.route();
    afterCommit.add(() -> {
      String[] ev = entityVersion(rejected.schema());
      gate.metrics().deadLettered(flow, ev[0], ev[1], rejected.reason());
      report(flow, FlowRunReporter.Event.RECEIVED, rejected.schema());
      report(flow, FlowRunReporter.Event.REJECTED, rejected.schema());
      report(flow, FlowRunReporter.Event.DEAD_LETTERED, rejected.schema());
    });
    return DeadLetters.record(route.deadLetterTopic(record.topic()), record, rejected, route.stage(), flow,
        clock.instant(), 0, config.maxDeadLetterBytes());
  }

  static String[] entityVersion(String label) {
    if (label == null || label.indexOf('@') < 0) {
      return new String[] {null, null};
    }
    int at = label.indexOf('@');
    return new String[] {label.substring(0, at), label.substring(at + 1)};
  }

  private void report(String flow, FlowRunReporter.Event event, String schema) {
    if (flowRuns != null) {
      flowRuns.record(flow, event, schema);
    }
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  /** Stops after the batch in hand (committed), then closes the clients. Idempotent; waits up to 30 s. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    await();
  }

  /**
   * Stops as if the process died: the batch in hand is neither finished nor committed, and the clients close
   * without waiting. Another router of the group reprocesses from the last commit.
   */
  public void abort() {
    aborting = true;
    running = false;
    consumer.wakeup();
    await();
  }

  private void await() {
    if (!thread.isAlive() && stopped.getCount() == 1) {
      return;
    }
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        LOG.log(Level.WARNING, "hub router on {0} did not stop within 30 s", config.sourceTopic());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Collects the router's collaborators; not thread-safe. */
  public static final class Builder {
    private final RouterConfig config;
    private final Gate gate;
    private KafkaEnvelopes envelopes = new KafkaEnvelopes(org.canonicalregistry.runtime.EnvelopeCodec.withDefaults());
    private FlowRunReporter flowRuns;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    private Builder(RouterConfig config, Gate gate) {
      this.config = Objects.requireNonNull(config, "config");
      this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** How records are read; default {@link org.canonicalregistry.runtime.EnvelopeCodec#withDefaults()}. */
    public Builder envelopes(KafkaEnvelopes envelopes) {
      this.envelopes = Objects.requireNonNull(envelopes, "envelopes");
      return this;
    }

    /** Where run counts go; default none. */
    public Builder flowRuns(FlowRunReporter reporter) {
      this.flowRuns = reporter;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How to wait between retries of an unavailable schema. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public HubRouter build() {
      return new HubRouter(this);
    }
  }
}
