package org.canonicalregistry.runtime.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.kafka.DeadLetters;
import org.canonicalregistry.runtime.kafka.HubRouter;
import org.canonicalregistry.runtime.kafka.Route;
import org.canonicalregistry.runtime.kafka.RouterConfig;
import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.testing.Broker;
import org.canonicalregistry.runtime.testing.Models;

/**
 * Router end to end on the in-JVM broker (same JVM, same 2 cores as broker and clients, so a floor, not a
 * ceiling): source topic to canonical topic, ~1 KB customers, at-least-once with an idempotent producer.
 * <ul>
 *   <li>throughput: N records preloaded, time from router start until all are routed and committed;</li>
 *   <li>added latency: records sent at a steady rate while the router runs; for each, the canonical record's
 *       timestamp minus the source record's (both CreateTime, ms), p50 and p99.</li>
 * </ul>
 */
public final class RouterEndToEnd {

  public static void main(String[] args) throws Exception {
    int preload = Integer.getInteger("bench.preload", 50_000);
    int seconds = Integer.getInteger("bench.seconds", 10);
    String bootstrap = Broker.bootstrap();
    Gate gate = Gate.builder(SchemaCache.builder(new LocalSchemaSource(
        Models.localFolder(Files.createTempDirectory("router-bench")))).build()).build();
    byte[] payload = Models.JSON.writeValueAsBytes(Models.sample("customer", "full-business-customer-with-contacts"));

    String topic = "bench." + UUID.randomUUID().toString().substring(0, 8);
    String canonical = Route.canonicalTopic("customer", 1);
    Broker.topics(topic, DeadLetters.topicFor(topic), canonical);
    try (KafkaProducer<byte[], byte[]> producer = Broker.producer()) {
      for (int i = 0; i < preload; i++) {
        producer.send(record(topic, "p-" + i, payload));
      }
      producer.flush();
    }
    RouterConfig config = RouterConfig.builder().bootstrapServers(bootstrap).groupId("bench-" + topic)
        .sourceTopic(topic).build();
    long start = System.nanoTime();
    try (HubRouter router = HubRouter.builder(config, gate).build().start()) {
      while (router.routed() < preload) {
        Thread.sleep(10);
      }
      double secondsTaken = (System.nanoTime() - start) / 1e9;
      System.out.printf("router throughput: %d records of %d bytes in %.2f s = %.0f records/s%n", preload,
          payload.length, secondsTaken, preload / secondsTaken);

      // Offered load for the latency phase: half the measured capacity (or -Dbench.rate), so the figure is the
      // router's added latency, not a queue growing behind an overloaded router.
      int rate = Integer.getInteger("bench.rate", Math.max(50, (int) (preload / secondsTaken / 2)));
      long target = preload + (long) rate * seconds;
      try (KafkaProducer<byte[], byte[]> producer = Broker.producer()) {
        long t0 = System.nanoTime();
        for (int i = 0; i < rate * seconds; i++) {
          long due = t0 + (long) (i * (1e9 / rate));
          while (System.nanoTime() < due) {
            Thread.onSpinWait();
          }
          producer.send(record(topic, "l-" + i, payload));
        }
        producer.flush();
      }
      while (router.routed() < target) {
        Thread.sleep(10);
      }
      List<Long> latencies = latencies(bootstrap, topic, canonical);
      Collections.sort(latencies);
      System.out.printf("router added latency at %d records/s over %d s (%d records): p50 %d ms, p99 %d ms,"
          + " max %d ms%n", rate, seconds, latencies.size(), latencies.get(latencies.size() / 2),
          latencies.get((int) (latencies.size() * 0.99)), latencies.get(latencies.size() - 1));
    }
    System.exit(0);
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] payload) {
    RecordHeaders h = new RecordHeaders();
    Map.of("specversion", "1.0", "id", key, "source", "crm", "type", "org.example.customer.changed",
            "dataschema", "customer@1.0", "subject", topic + "/" + key)
        .forEach((k, v) -> h.add("ce_" + k, v.getBytes(StandardCharsets.UTF_8)));
    return new ProducerRecord<>(topic, null, (topic + "/" + key).getBytes(StandardCharsets.UTF_8), payload, h);
  }

  /** Source CreateTime by key, then canonical CreateTime minus it for the latency-phase records. */
  private static List<Long> latencies(String bootstrap, String topic, String canonical) {
    Map<String, Long> sent = new HashMap<>();
    readAll(bootstrap, topic, r -> sent.put(new String(r.key(), StandardCharsets.UTF_8), r.timestamp()));
    List<Long> out = new ArrayList<>();
    readAll(bootstrap, canonical, r -> {
      String key = new String(r.key(), StandardCharsets.UTF_8);
      Long at = sent.get(key);
      if (at != null && key.startsWith(topic + "/l-")) {
        out.add(r.timestamp() - at);
      }
    });
    return out;
  }

  private static void readAll(String bootstrap, String topic,
                              java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
    Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(each);
      }
    }
  }
}
