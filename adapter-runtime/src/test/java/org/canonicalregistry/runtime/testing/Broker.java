package org.canonicalregistry.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft Kafka broker inside the test JVM (spring-kafka-test's embedded broker, i.e. Kafka's own server
 * code), started on first use with a random port and shared by every test class of the run. Records up to 60 MB
 * are allowed, so hostile-size payloads reach the router instead of being refused by the broker.
 */
public final class Broker {

  public static final int MAX_BYTES = 60 * 1024 * 1024;
  private static EmbeddedKafkaKraftBroker broker;

  private Broker() {
  }

  public static synchronized String bootstrap() {
    if (broker == null) {
      EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 3);
      b.brokerProperties(Map.of(
          "message.max.bytes", Integer.toString(MAX_BYTES),
          "replica.fetch.max.bytes", Integer.toString(MAX_BYTES),
          "transaction.state.log.replication.factor", "1",
          "transaction.state.log.min.isr", "1",
          "offsets.topic.replication.factor", "1",
          "group.initial.rebalance.delay.ms", "0",
          "log.flush.interval.messages", Long.toString(Long.MAX_VALUE)));
      b.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(b::destroy));
      broker = b;
    }
    return broker.getBrokersAsString();
  }

  /** Creates topics with 3 partitions; existing ones are kept. */
  public static void topics(String... names) {
    bootstrap();
    broker.doWithAdmin(admin -> {
      List<NewTopic> topics = new ArrayList<>();
      for (String n : names) {
        topics.add(new NewTopic(n, 3, (short) 1));
      }
      for (var e : admin.createTopics(topics).values().entrySet()) {
        try {
          e.getValue().get();
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("cannot create topic " + e.getKey(), ex);
          }
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ex);
        }
      }
      awaitLeaders(admin, List.of(names));
    });
  }

  /** A new topic takes writes only once every partition has a leader; wait for that instead of timing out. */
  private static void awaitLeaders(org.apache.kafka.clients.admin.AdminClient admin, List<String> names) {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        boolean ready = admin.describeTopics(names).allTopicNames().get().values().stream()
            .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()));
        if (ready) {
          return;
        }
      } catch (ExecutionException notYetKnown) {
        // metadata not propagated yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public static KafkaProducer<byte[], byte[]> producer() {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_BYTES);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 2L * MAX_BYTES);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // A batch the broker never answers (seen for the first batch after a topic was created) would otherwise wait
    // out the default two-minute delivery timeout before Traffic.confirm sends it again.
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** @return end offset per partition (diagnostics) */
  public static Map<Integer, Long> endOffsets(String topic) {
    return broker.doWithAdminFunction(admin -> {
      try {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> spec = new HashMap<>();
        for (int p = 0; p < 3; p++) {
          spec.put(new TopicPartition(topic, p), org.apache.kafka.clients.admin.OffsetSpec.latest());
        }
        Map<Integer, Long> out = new java.util.TreeMap<>();
        admin.listOffsets(spec).all().get().forEach((tp, info) -> out.put(tp.partition(), info.offset()));
        return out;
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /** @return committed offset per partition of a group (diagnostics) */
  public static Map<Integer, Long> committed(String group, String topic) {
    return broker.doWithAdminFunction(admin -> {
      try {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
            .forEach((tp, om) -> out.put(tp.partition(), om == null ? -1 : om.offset()));
        return out;
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /**
   * Reads {@code topic} from the start (committed records only) until {@code distinctKeys} different keys accepted by
   * {@code keys} were seen, then for a further {@code settle} so extra records would show; or until
   * {@code timeout}.
   *
   * @return every matching record seen, duplicates included
   */
  public static List<ConsumerRecord<byte[], byte[]>> read(String topic, Predicate<String> keys, int distinctKeys,
                                                         Duration timeout, Duration settle) {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1024 * 1024);
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      long settleUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, settleUntil)) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
          if (keys.test(key)) {
            out.add(r);
            seen.add(key);
          }
        }
        if (seen.size() >= distinctKeys && settleUntil == Long.MAX_VALUE) {
          settleUntil = System.nanoTime() + settle.toNanos();
        }
      }
    }
    return out;
  }
}
