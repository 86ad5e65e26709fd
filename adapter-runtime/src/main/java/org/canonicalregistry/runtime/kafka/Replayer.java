package org.canonicalregistry.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Attempt;
import org.canonicalregistry.runtime.Decoded;
import org.canonicalregistry.runtime.Decoding;
import org.canonicalregistry.runtime.EnvelopeCodec;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.ReasonCode;
import org.canonicalregistry.runtime.Rejected;
import org.canonicalregistry.runtime.Verdict;
import org.canonicalregistry.runtime.flowrun.FlowRunReporter;

/**
 * Re-submits dead letters through the gate after a fix (registry back, schema published, flow re-pinned). One
 * {@link #replay(Set)} reads the dead-letter topic from the start (or, with a group id, from where that group's last
 * replay ended) up to its end as of the call, and for each record whose {@code dlq.reason} is in the filter:
 * accepted goes to the route's target topic; rejected again goes back to the dead-letter topic with the new
 * reason and {@code dlq.replays} incremented. Records outside the filter are left alone. Nothing is deleted: Kafka
 * topics are append-only, so a record replayed twice is delivered twice (consumers deduplicate on the envelope's
 * {@code source} and {@code id}).
 *
 * <p>Not thread-safe; one replay at a time per instance. Close it to release the clients.
 */
public final class Replayer implements AutoCloseable {

  /**
   * @param delivered  accepted and produced to the target topic
   * @param rejected   rejected again and written back to the dead-letter topic
   * @param skipped    dead letters whose reason is outside the filter
   */
  public record Report(long delivered, long rejected, long skipped) {
  }

  private final RouterConfig config;
  private final String deadLetterTopic;
  private final Gate gate;
  private final KafkaEnvelopes envelopes;
  private final FlowRunReporter flowRuns;
  private final Clock clock;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final KafkaProducer<byte[], byte[]> producer;

  /**
   * @param config          connection, route and (optional) group id; {@code sourceTopic} is the topic whose
   *                        dead letters are replayed (for egress, the route's destination decides the DLQ)
   * @param gate            the gate to run again
   * @param flowRuns        run counts, or null
   */
  public Replayer(RouterConfig config, Gate gate, FlowRunReporter flowRuns) {
    this.config = Objects.requireNonNull(config, "config");
    this.gate = Objects.requireNonNull(gate, "gate");
    this.flowRuns = flowRuns;
    this.envelopes = new KafkaEnvelopes(EnvelopeCodec.withDefaults());
    this.clock = Clock.systemUTC();
    this.deadLetterTopic = config.route().deadLetterTopic(config.sourceTopic());
    Map<String, Object> c = HubRouter.consumerProperties(config);
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    Map<String, Object> p = HubRouter.producerProperties(config, null);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** @return the topic this replayer reads */
  public String deadLetterTopic() {
    return deadLetterTopic;
  }

  /**
   * Replays the dead letters whose reason is in {@code reasons} (empty: every reason).
   *
   * @throws KafkaException when an output record is not acknowledged (nothing is committed then; run again)
   */
  public Report replay(Set<ReasonCode> reasons) {
    Set<ReasonCode> filter = reasons.isEmpty() ? EnumSet.allOf(ReasonCode.class) : EnumSet.copyOf(reasons);
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo info : consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30))) {
      partitions.add(new TopicPartition(info.topic(), info.partition()));
    }
    consumer.assign(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata from = committed.get(tp);
      if (from == null) {
        consumer.seekToBeginning(List.of(tp));
      } else {
        consumer.seek(tp, from.offset());
      }
    }
    long delivered = 0;
    long rejected = 0;
    long skipped = 0;
    List<Future<RecordMetadata>> sends = new ArrayList<>();
    List<Runnable> afterAck = new ArrayList<>();
    Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
    while (!caughtUp(partitions, end)) {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        if (record.offset() >= end.get(tp)) {
          continue;
        }
        progress.put(tp, new OffsetAndMetadata(record.offset() + 1));
        ReasonCode reason = DeadLetters.reasonOf(record.headers());
        if (reason == null || !filter.contains(reason)) {
          skipped++;
          continue;
        }
        ProducerRecord<byte[], byte[]> out = resubmit(record, afterAck);
        if (out.topic().equals(deadLetterTopic)) {
          rejected++;
        } else {
          delivered++;
        }
        sends.add(producer.send(out));
      }
    }
    producer.flush();
    try {
      for (Future<RecordMetadata> f : sends) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while waiting for acknowledgements", e);
    } catch (ExecutionException e) {
      throw new KafkaException("a replayed record was not acknowledged; nothing committed, run the replay again",
          e.getCause());
    }
    if (!progress.isEmpty()) {
      consumer.commitSync(progress);
    }
    afterAck.forEach(Runnable::run);
    return new Report(delivered, rejected, skipped);
  }

  private boolean caughtUp(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
    for (TopicPartition tp : partitions) {
      if (consumer.position(tp) < end.get(tp)) {
        return false;
      }
    }
    return true;
  }

  private ProducerRecord<byte[], byte[]> resubmit(ConsumerRecord<byte[], byte[]> record, List<Runnable> afterAck) {
    Route route = config.route();
    Decoding decoding = envelopes.decode(record.headers(), record.value());
    Verdict verdict;
    String flow = header(record, DeadLetters.FLOW);
    if (decoding instanceof Rejected undecodable) {
      verdict = undecodable;
    } else {
      Decoded decoded = (Decoded) decoding;
      flow = route.flowOf(decoded.envelope()) != null ? route.flowOf(decoded.envelope()) : flow;
      try {
        verdict = route.check(gate, decoded.envelope(), Attempt.ONLY);
      } catch (RuntimeException e) {
        verdict = Rejected.of(ReasonCode.GATE_ERROR, "the runtime failed on this message: " + e,
            decoded.envelope().dataschema());
      }
    }
    String f = flow;
    if (verdict instanceof Accepted accepted) {
      String label = accepted.schema().label();
      afterAck.add(() -> {
        gate.metrics().replayed(f, accepted.schema().entity(), accepted.schema().version(), "delivered");
        if (flowRuns != null) {
          flowRuns.record(f, FlowRunReporter.Event.REPLAYED, label);
          flowRuns.record(f, FlowRunReporter.Event.ACCEPTED, label);
        }
      });
      RecordHeaders headers = new RecordHeaders();
      record.headers().forEach(h -> {
        if (!h.key().startsWith("dlq.")) {
          headers.add(h);
        }
      });
      headers.add("dlq.replayed-from", (record.topic() + "/" + record.partition() + "/" + record.offset())
          .getBytes(StandardCharsets.UTF_8));
      envelopes.writeBinaryHeaders(accepted.envelope(), headers);
      byte[] value = KafkaEnvelopes.structured(record.headers())
          ? envelopes.codec().dataBytes(accepted.envelope())
          : record.value();
      return new ProducerRecord<>(route.targetTopic(accepted), null, record.key(), value, headers);
    }
    Rejected again = (Rejected) verdict;
    afterAck.add(() -> {
      String[] ev = HubRouter.entityVersion(again.schema());
      gate.metrics().replayed(f, ev[0], ev[1], "rejected");
    });
    return DeadLetters.record(deadLetterTopic, record, again, "replay", flow, clock.instant(),
        DeadLetters.replaysOf(record.headers()) + 1, config.maxDeadLetterBytes());
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : KafkaEnvelopes.text(h);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
    consumer.close();
  }
}
