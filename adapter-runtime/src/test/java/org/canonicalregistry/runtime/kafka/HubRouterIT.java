package org.canonicalregistry.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.canonicalregistry.runtime.EnvelopeCodec;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.ReasonCode;
import org.canonicalregistry.runtime.RuntimeMetrics;
import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.testing.Broker;
import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.Traffic;
import org.canonicalregistry.schema.SchemaEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router on a real (in-JVM KRaft) broker: every message sent ends up accepted on the canonical topic or
 * dead-lettered with its reason, also when the router dies mid-stream.
 */
class HubRouterIT {

  private static final int MESSAGES = 10_000;
  private static final int LIMIT = 64 * 1024;
  private static final Duration WAIT = Duration.ofSeconds(180);
  private static final String CANONICAL = Route.canonicalTopic("customer", 1);

  @TempDir
  static Path folder;
  static LocalSchemaSource models;

  @BeforeAll
  static void start() {
    models = new LocalSchemaSource(Models.localFolder(folder));
    Broker.topics(CANONICAL);
  }

  private static Gate gate(RuntimeMetrics metrics) {
    return Gate.builder(SchemaCache.builder(models).listener(metrics).build()).metrics(metrics).build();
  }

  private static HubRouter router(String topic, Gate gate, String transactionalId) {
    RouterConfig config = RouterConfig.builder()
        .bootstrapServers(Broker.bootstrap())
        .groupId("router-" + topic)
        .sourceTopic(topic)
        .transactionalId(transactionalId)
        .pollTimeout(Duration.ofMillis(100))
        .clientProperty("max.partition.fetch.bytes", Broker.MAX_BYTES)
        .clientProperty("max.request.size", Broker.MAX_BYTES)
        // A killed router never leaves its group: the survivor gets its partitions once the dead member's session
        // expires and, in the classic protocol, once the rebalance stops waiting for it (max.poll.interval.ms,
        // 5 min by default). Both are shortened here so failover takes seconds.
        .clientProperty("session.timeout.ms", 6_000)
        .clientProperty("heartbeat.interval.ms", 1_000)
        .clientProperty("max.poll.interval.ms", 15_000)
        .build();
    return HubRouter.builder(config, gate)
        .envelopes(new KafkaEnvelopes(new EnvelopeCodec(SchemaEngine.withDefaults(), LIMIT)))
        .build();
  }

  private static String newSourceTopic() {
    String topic = "crm.customers." + UUID.randomUUID().toString().substring(0, 8);
    Broker.topics(topic, DeadLetters.topicFor(topic));
    return topic;
  }

  private static String key(ConsumerRecord<byte[], byte[]> r) {
    return new String(r.key(), StandardCharsets.UTF_8);
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  @Test
  void tenThousandMessagesWithSevenPercentInvalidAreAllAcceptedOrDeadLetteredWithTheirReason() {
    String topic = newSourceTopic();
    String prefix = topic;
    RuntimeMetrics metrics = RuntimeMetrics.inMemory();
    Map<String, Traffic.Sent> sent;
    try (KafkaProducer<byte[], byte[]> producer = Broker.producer()) {
      sent = Traffic.send(producer, topic, prefix, MESSAGES, LIMIT + 16 * 1024);
    }

    try (HubRouter router = router(topic, gate(metrics), null).start()) {
      List<String> valid = Traffic.keysWith(sent, true);
      List<String> invalid = Traffic.keysWith(sent, false);
      var accepted = Broker.read(CANONICAL, k -> k.startsWith(prefix + "-"), valid.size(), WAIT, Duration.ofSeconds(1));
      var dead = Broker.read(DeadLetters.topicFor(topic), k -> k.startsWith(prefix + "-"), invalid.size(), WAIT,
          Duration.ofSeconds(1));

      Map<String, Long> source = counts(Broker.read(topic, k -> true, MESSAGES, WAIT, Duration.ofSeconds(2)));
      assertThat(source.keySet()).containsExactlyInAnyOrderElementsOf(sent.keySet());
      assertThat(new HashSet<>(keys(accepted))).containsExactlyInAnyOrderElementsOf(valid);
      assertThat(new HashSet<>(keys(dead))).containsExactlyInAnyOrderElementsOf(invalid);
      assertThat(merge(counts(accepted), counts(dead))).as("accepted + dead-lettered == what the source topic holds")
          .isEqualTo(source);
      assertThat(invalid).hasSize(700);
      for (ConsumerRecord<byte[], byte[]> d : dead) {
        Traffic.Fault fault = sent.get(key(d)).fault();
        assertThat(header(d, DeadLetters.REASON)).as(key(d) + " " + fault).isEqualTo(fault.reason.name());
        assertThat(header(d, DeadLetters.SOURCE_TOPIC)).isEqualTo(topic);
        assertThat(header(d, DeadLetters.DETAIL)).isNotBlank();
      }
      for (ConsumerRecord<byte[], byte[]> a : accepted) {
        assertThat(header(a, "ce_dataschema")).isEqualTo("customer@1.0");
        assertThat(header(a, "ce_id")).isEqualTo(key(a) + "-id");
        assertThat(header(a, "content-type")).isEqualTo("application/json");
      }
      assertThat(router.routed()).isEqualTo(source.values().stream().mapToLong(Long::longValue).sum());
      // One count per invalid record the source topic holds: 700, plus any the test producer had to send twice.
      double invalidRecords = invalid.stream().mapToLong(source::get).sum();
      assertThat(metrics.registry().get("canonical.runtime.dead_lettered").counters().stream()
          .mapToDouble(c -> c.count()).sum()).isEqualTo(invalidRecords);
    }
  }

  @Test
  void aRouterKilledMidStreamLosesNothingWhenAnotherTakesOver() throws Exception {
    String topic = newSourceTopic();
    String prefix = topic;
    Map<String, Traffic.Sent> sent;
    try (KafkaProducer<byte[], byte[]> producer = Broker.producer()) {
      sent = Traffic.send(producer, topic, prefix, MESSAGES, LIMIT + 16 * 1024);
    }
    Gate gate = gate(RuntimeMetrics.inMemory());

    HubRouter first = router(topic, gate, null).start();
    while (first.routed() < MESSAGES / 4 && first.isRunning()) {
      Thread.onSpinWait();
      Thread.sleep(5);
    }
    first.abort();
    long routedBeforeKill = first.routed();
    assertThat(routedBeforeKill).isLessThan(MESSAGES);

    try (HubRouter second = router(topic, gate, null).start()) {
      List<String> valid = Traffic.keysWith(sent, true);
      List<String> invalid = Traffic.keysWith(sent, false);
      var accepted = Broker.read(CANONICAL, k -> k.startsWith(prefix + "-"), valid.size(), WAIT, Duration.ofSeconds(1));
      var dead = Broker.read(DeadLetters.topicFor(topic), k -> k.startsWith(prefix + "-"), invalid.size(), WAIT,
          Duration.ofSeconds(1));

      Set<String> acceptedKeys = new HashSet<>(accepted.stream().map(HubRouterIT::key).toList());
      List<String> missing = valid.stream().filter(k -> !acceptedKeys.contains(k)).toList();
      if (!missing.isEmpty()) {
        Map<Integer, Long> perPartition = new HashMap<>();
        accepted.forEach(r -> perPartition.merge(r.partition(), 1L, Long::sum));
        System.out.printf("MISSING %d, first %s; read per canonical partition %s; source end offsets %s;"
            + " committed %s%n", missing.size(), missing.subList(0, Math.min(10, missing.size())), perPartition,
            Broker.endOffsets(topic), Broker.committed("router-" + topic, topic));
      }
      assertThat(acceptedKeys).containsExactlyInAnyOrderElementsOf(valid);
      assertThat(new HashSet<>(dead.stream().map(HubRouterIT::key).toList()))
          .containsExactlyInAnyOrderElementsOf(invalid);
      assertThat(accepted.size() + dead.size()).as("duplicates allowed, losses not").isGreaterThanOrEqualTo(MESSAGES);
      dead.forEach(d -> assertThat(header(d, DeadLetters.REASON)).isEqualTo(sent.get(key(d)).fault().reason.name()));
      System.out.printf("router killed after %d routed; %d duplicates delivered after restart%n", routedBeforeKill,
          accepted.size() + dead.size() - MESSAGES);
    }
  }

  @Test
  void withATransactionalIdAKilledRouterLeavesNoDuplicatesForReadCommittedConsumers() throws Exception {
    String topic = newSourceTopic();
    String prefix = topic;
    int count = 3_000;
    Map<String, Traffic.Sent> sent;
    try (KafkaProducer<byte[], byte[]> producer = Broker.producer()) {
      sent = Traffic.send(producer, topic, prefix, count, LIMIT + 16 * 1024);
    }
    Gate gate = gate(RuntimeMetrics.inMemory());
    String txId = "router-tx-" + topic;

    HubRouter first = router(topic, gate, txId).start();
    while (first.routed() < count / 4 && first.isRunning()) {
      Thread.sleep(5);
    }
    first.abort();

    try (HubRouter second = router(topic, gate, txId).start()) {
      List<String> valid = Traffic.keysWith(sent, true);
      List<String> invalid = Traffic.keysWith(sent, false);
      var accepted = Broker.read(CANONICAL, k -> k.startsWith(prefix + "-"), valid.size(), WAIT, Duration.ofSeconds(2));
      var dead = Broker.read(DeadLetters.topicFor(topic), k -> k.startsWith(prefix + "-"), invalid.size(), WAIT,
          Duration.ofSeconds(2));

      Map<String, Long> source = counts(Broker.read(topic, k -> true, count, WAIT, Duration.ofSeconds(2)));
      assertThat(new HashSet<>(keys(accepted))).containsExactlyInAnyOrderElementsOf(valid);
      assertThat(new HashSet<>(keys(dead))).containsExactlyInAnyOrderElementsOf(invalid);
      assertThat(merge(counts(accepted), counts(dead))).as("each source record exactly once downstream")
          .isEqualTo(source);
    }
  }

  @Test
  void hostilePayloadsAreDeadLetteredAndTheRouterKeepsRouting() {
    String topic = newSourceTopic();
    String prefix = topic;
    Map<String, ReasonCode> expected = new HashMap<>();
    Gate gate = Gate.builder(SchemaCache.builder(models).build()).build();
    RouterConfig config = RouterConfig.builder()
        .bootstrapServers(Broker.bootstrap())
        .groupId("router-" + topic)
        .sourceTopic(topic)
        .pollTimeout(Duration.ofMillis(100))
        .clientProperty("max.partition.fetch.bytes", Broker.MAX_BYTES)
        .clientProperty("max.request.size", Broker.MAX_BYTES)
        .build();
    long start = System.nanoTime();
    try (HubRouter router = HubRouter.builder(config, gate).build().start();
         KafkaProducer<byte[], byte[]> producer = Broker.producer()) {
      String deep = "[".repeat(200_000) + "]".repeat(200_000);
      send(producer, topic, prefix + "-deep", ("{\"customerId\": " + deep + "}").getBytes(StandardCharsets.UTF_8));
      expected.put(prefix + "-deep", ReasonCode.INVALID_PAYLOAD);

      byte[] huge = new byte[50 * 1024 * 1024];
      java.util.Arrays.fill(huge, (byte) ' ');
      huge[0] = '{';
      huge[huge.length - 1] = '}';
      send(producer, topic, prefix + "-huge", huge);
      expected.put(prefix + "-huge", ReasonCode.OVERSIZED);

      var bomb = Models.sample("customer", "minimal-business-customer")
          .put("preferredLanguage", "aa" + "-aaaaaaaa".repeat(20_000) + "!")
          .put("email", "a@".repeat(100_000) + " ");
      send(producer, topic, prefix + "-bomb", Models.JSON.writeValueAsBytes(bomb));
      expected.put(prefix + "-bomb", ReasonCode.INVALID_PAYLOAD);

      send(producer, topic, prefix + "-fine",
          Models.JSON.writeValueAsBytes(Models.sample("customer", "minimal-business-customer")));

      var dead = Broker.read(DeadLetters.topicFor(topic), k -> k.startsWith(prefix + "-"), 3, WAIT, Duration.ZERO);
      var accepted = Broker.read(CANONICAL, k -> k.equals(prefix + "-fine"), 1, WAIT, Duration.ZERO);
      System.out.printf("hostile payloads (deep, 50 MB, pattern bomb) + one valid routed in %d ms%n",
          (System.nanoTime() - start) / 1_000_000);

      assertThat(dead).hasSize(3);
      dead.forEach(d -> assertThat(header(d, DeadLetters.REASON)).as(key(d)).isEqualTo(expected.get(key(d)).name()));
      ConsumerRecord<byte[], byte[]> hugeLetter = dead.stream().filter(d -> key(d).endsWith("-huge")).findFirst()
          .orElseThrow();
      assertThat(hugeLetter.value()).as("too large for the dead-letter topic").isNull();
      assertThat(header(hugeLetter, DeadLetters.VALUE_DROPPED)).isEqualTo(Integer.toString(huge.length));
      assertThat(accepted).hasSize(1);
      assertThat(router.isRunning()).isTrue();
      assertThat(router.failure()).isNull();
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] data) {
    RecordHeaders h = new RecordHeaders();
    Map<String, String> attributes = Map.of("specversion", "1.0", "id", key, "source", "crm", "type",
        "org.example.customer.changed", "dataschema", "customer@1.0", "subject", key);
    attributes.forEach((k, v) -> h.add("ce_" + k, v.getBytes(StandardCharsets.UTF_8)));
    try {
      producer.send(new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), data, h)).get();
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("test input could not be written to Kafka", e);
    }
  }

  static List<String> keys(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(HubRouterIT::key).toList();
  }

  /**
   * Records per key. Compared with the source topic's own counts, because the test producer may itself have
   * written a record twice (it re-sends what the broker did not acknowledge); the router must reproduce exactly
   * what the source holds.
   */
  static Map<String, Long> counts(List<ConsumerRecord<byte[], byte[]>> records) {
    Map<String, Long> counts = new HashMap<>();
    records.forEach(r -> counts.merge(key(r), 1L, Long::sum));
    return counts;
  }

  static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> all = new HashMap<>(a);
    b.forEach((k, v) -> all.merge(k, v, Long::sum));
    return all;
  }
}
