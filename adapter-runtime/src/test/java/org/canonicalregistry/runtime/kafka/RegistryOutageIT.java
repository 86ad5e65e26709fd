package org.canonicalregistry.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.ReasonCode;
import org.canonicalregistry.runtime.RuntimeMetrics;
import org.canonicalregistry.runtime.schema.CircuitBreaker;
import org.canonicalregistry.runtime.schema.RegistrySchemaSource;
import org.canonicalregistry.runtime.schema.ResilientSchemaSource;
import org.canonicalregistry.runtime.schema.RetryPolicy;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.testing.Broker;
import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.RegistryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.node.ObjectNode;

/**
 * The real registry (its packaged jar, as a child process) goes down in the middle of traffic and comes back.
 */
class RegistryOutageIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  Path work;

  private static Gate gate(RegistryProcess registry, Path snapshot, RuntimeMetrics metrics) {
    RegistrySchemaSource http = RegistrySchemaSource.builder(registry.uri()).timeout(Duration.ofSeconds(2)).build();
    ResilientSchemaSource source = new ResilientSchemaSource(http,
        new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(200)),
        new CircuitBreaker(3, Duration.ofSeconds(1), Clock.systemUTC()),
        d -> Thread.sleep(d.toMillis()), e -> metrics.registryError());
    return Gate.builder(SchemaCache.builder(source).snapshot(snapshot).listener(metrics).build())
        .metrics(metrics).build();
  }

  @Test
  void cachedSchemasKeepValidatingUncachedOnesDeadLetterAsUnavailableAndAReplayDeliversThemAfterRecovery()
      throws Exception {
    String topic = "erp.masterdata." + UUID.randomUUID().toString().substring(0, 8);
    String dlq = DeadLetters.topicFor(topic);
    Broker.topics(topic, dlq, Route.canonicalTopic("customer", 1), Route.canonicalTopic("product", 1));
    Path snapshot = work.resolve("schemas.snapshot.json");
    RuntimeMetrics metrics = RuntimeMetrics.inMemory();

    try (RegistryProcess registry = new RegistryProcess().start();
         KafkaProducer<byte[], byte[]> producer = Broker.producer()) {
      Gate gate = gate(registry, snapshot, metrics);
      RouterConfig config = RouterConfig.builder()
          .bootstrapServers(Broker.bootstrap())
          .groupId("router-" + topic)
          .sourceTopic(topic)
          .pollTimeout(Duration.ofMillis(100))
          .unavailableRetry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(300)))
          .build();
      try (HubRouter router = HubRouter.builder(config, gate).build().start()) {
        ObjectNode customer = Models.sample("customer", "full-business-customer-with-contacts");
        for (int i = 0; i < 20; i++) {
          send(producer, topic, "before-" + i, "customer@1.0", customer);
        }
        assertThat(Broker.read(Route.canonicalTopic("customer", 1), k -> k.startsWith(topic + "/before-"), 20, WAIT,
            Duration.ZERO)).hasSize(20);

        registry.stop();

        for (int i = 0; i < 20; i++) {
          send(producer, topic, "during-" + i, "customer@1.0", customer);
        }
        for (int i = 0; i < 5; i++) {
          send(producer, topic, "invalid-" + i, "customer@1.0", customer.deepCopy().put("status", "GONE"));
        }
        ObjectNode product = Models.sample("product", "minimal-physical-product");
        for (int i = 0; i < 10; i++) {
          send(producer, topic, "product-" + i, "product@1.0", product);
        }

        var delivered = Broker.read(Route.canonicalTopic("customer", 1), k -> k.startsWith(topic + "/during-"), 20,
            WAIT, Duration.ZERO);
        var dead = Broker.read(dlq, k -> k.startsWith(topic + "/"), 15, WAIT, Duration.ofSeconds(1));
        assertThat(delivered).as("cached customer@1.0 keeps validating").hasSize(20);
        assertThat(dead).hasSize(15);
        for (ConsumerRecord<byte[], byte[]> d : dead) {
          String key = new String(d.key(), StandardCharsets.UTF_8);
          String reason = new String(d.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8);
          assertThat(reason).as(key).isEqualTo(key.contains("/product-") ? "SCHEMA_UNAVAILABLE" : "INVALID_PAYLOAD");
        }
        assertThat(metrics.registry().get("canonical.runtime.registry.errors").counter().count()).isPositive();
        // Each product was tried three times: still one message received and one rejected.
        assertThat(metrics.registry().get("canonical.runtime.received").counters().stream()
            .mapToDouble(c -> c.count()).sum()).isEqualTo(55.0);
        assertThat(metrics.registry().get("canonical.runtime.rejected").tag("reason", "SCHEMA_UNAVAILABLE").counter()
            .count()).isEqualTo(10.0);

        // An adapter restarted during the outage enforces what the snapshot holds.
        assertThat(Files.exists(snapshot)).isTrue();
        Gate restarted = gate(registry, snapshot, RuntimeMetrics.inMemory());
        assertThat(restarted.ingress(Models.envelope("customer@1.0", customer))).isInstanceOf(Accepted.class);
        assertThat(restarted.ingress(Models.envelope("product@1.0", product)))
            .matches(v -> v instanceof org.canonicalregistry.runtime.Rejected r
                && r.reason() == ReasonCode.SCHEMA_UNAVAILABLE);

        registry.start();

        RouterConfig replayConfig = RouterConfig.builder()
            .bootstrapServers(Broker.bootstrap())
            .groupId("replay-" + topic)
            .sourceTopic(topic)
            .build();
        try (Replayer replayer = new Replayer(replayConfig, gate, null)) {
          Replayer.Report report = replayer.replay(Set.of(ReasonCode.SCHEMA_UNAVAILABLE));
          assertThat(report).isEqualTo(new Replayer.Report(10, 0, 5));
          Replayer.Report again = replayer.replay(Set.of(ReasonCode.SCHEMA_UNAVAILABLE));
          assertThat(again).as("the group remembers where the last replay ended").isEqualTo(new Replayer.Report(0, 0, 0));
        }
        var products = Broker.read(Route.canonicalTopic("product", 1), k -> k.startsWith(topic + "/product-"), 10,
            WAIT, Duration.ofSeconds(1));
        Set<String> keys = new HashSet<>();
        products.forEach(p -> keys.add(new String(p.key(), StandardCharsets.UTF_8)));
        assertThat(keys).hasSize(10);
        assertThat(products).allSatisfy(p -> assertThat(p.headers().lastHeader("dlq.replayed-from")).isNotNull());
        assertThat(metrics.registry().get("canonical.runtime.replayed").tag("outcome", "delivered").counter().count())
            .isEqualTo(10.0);
      }
    }
  }

  private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, String dataschema,
                           ObjectNode data) {
    String k = topic + "/" + key;
    RecordHeaders h = new RecordHeaders();
    Map.of("specversion", "1.0", "id", k, "source", "erp", "type", "org.example.masterdata.changed",
            "dataschema", dataschema, "subject", k)
        .forEach((name, v) -> h.add("ce_" + name, v.getBytes(StandardCharsets.UTF_8)));
    try {
      producer.send(new ProducerRecord<>(topic, null, k.getBytes(StandardCharsets.UTF_8),
          Models.JSON.writeValueAsBytes(data), h)).get();
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("test input could not be written to Kafka", e);
    }
  }
}
