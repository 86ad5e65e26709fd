package org.canonicalregistry.runtime.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.canonicalregistry.runtime.FlowPin;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.kafka.CanonicalDeserializer;
import org.canonicalregistry.runtime.kafka.CanonicalSerializer;
import org.canonicalregistry.runtime.kafka.Checked;
import org.canonicalregistry.runtime.kafka.DeadLetters;
import org.canonicalregistry.runtime.kafka.HubRouter;
import org.canonicalregistry.runtime.kafka.Route;
import org.canonicalregistry.runtime.kafka.RouterConfig;
import org.canonicalregistry.runtime.schema.LocalSchemaSource;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.testing.Broker;
import org.canonicalregistry.runtime.testing.Models;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked example of docs/adapter-runtime.md: the CRM publishes its accounts as canonical customers, the hub
 * enforces the model on the way in and the billing flow's pin on the way out, and billing turns customers into its
 * own accounts. Everything runs on the in-JVM broker.
 */
class CrmToBillingExampleIT {

  /** The CRM's own shape of a customer. */
  record CrmAccount(String accountId, String name, boolean company, String mail) {
  }

  /** Billing's own shape. */
  record BillingAccount(String customerId, String invoiceName, String invoiceEmail) {
  }

  /** Source adapter: maps CRM accounts to canonical customers and publishes them, enforced at send. */
  static final class CrmSourceAdapter implements AutoCloseable {
    private final KafkaProducer<String, Customer> producer;
    private final String topic;

    CrmSourceAdapter(String bootstrap, String topic, Gate gate) {
      this.topic = topic;
      this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
          new StringSerializer(), new CanonicalSerializer<>(Customer.class, gate, "crm", Customer::customerId,
          Clock.systemUTC()));
    }

    static Customer toCanonical(CrmAccount a) {
      return new Customer(a.accountId(), null, a.company() ? "BUSINESS" : "INDIVIDUAL", "ACTIVE", a.name(), a.mail());
    }

    /** @return false when the customer broke the canonical model (the CRM fixes the record; nothing was sent) */
    boolean publish(CrmAccount account) throws InterruptedException, ExecutionException {
      try {
        producer.send(new ProducerRecord<>(topic, account.accountId(), toCanonical(account))).get();
        return true;
      } catch (SerializationException refused) {
        return false;
      }
    }

    @Override
    public void close() {
      producer.close();
    }
  }

  /** Destination adapter: reads the flow's topic, typed and checked against the reader it was built for. */
  static final class BillingDestinationAdapter implements AutoCloseable {
    private final KafkaConsumer<String, Checked<Customer>> consumer;
    final List<BillingAccount> accounts = new ArrayList<>();
    final List<Checked.Invalid<Customer>> refused = new ArrayList<>();

    BillingDestinationAdapter(String bootstrap, String topic, Gate gate) {
      this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ConsumerConfig.GROUP_ID_CONFIG, "billing-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
          new StringDeserializer(), new CanonicalDeserializer<>(Customer.class, gate, "crm-to-billing"));
      consumer.subscribe(List.of(topic));
    }

    void poll() {
      for (ConsumerRecord<String, Checked<Customer>> r : consumer.poll(Duration.ofMillis(200))) {
        if (r.value() instanceof Checked.Valid<Customer> valid) {
          Customer c = valid.value();
          accounts.add(new BillingAccount(c.customerId(), c.displayName(), c.email()));
        } else if (r.value() instanceof Checked.Invalid<Customer> invalid) {
          refused.add(invalid);
        }
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  @TempDir
  Path folder;

  @Test
  void crmCustomersReachBillingAsCanonicalCustomersAndBrokenOnesNeverDo() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String crmTopic = "crm.customers." + run;
    String billingTopic = "flow.crm-to-billing." + run;
    String canonical = Route.canonicalTopic("customer", 1);
    Broker.topics(crmTopic, DeadLetters.topicFor(crmTopic), canonical, billingTopic,
        DeadLetters.topicFor(billingTopic));
    Gate gate = Gate.builder(SchemaCache.builder(new LocalSchemaSource(Models.localFolder(folder))).build()).build();
    String bootstrap = Broker.bootstrap();

    RouterConfig ingress = RouterConfig.builder().bootstrapServers(bootstrap).groupId("hub-in-" + run)
        .sourceTopic(crmTopic).build();
    RouterConfig egress = RouterConfig.builder().bootstrapServers(bootstrap).groupId("hub-out-" + run)
        .sourceTopic(canonical)
        .route(new Route.Egress(new FlowPin("crm-to-billing", "customer", 1, 0), billingTopic)).build();

    String alice = UUID.randomUUID().toString();
    String bob = UUID.randomUUID().toString();
    String carol = UUID.randomUUID().toString();
    try (HubRouter in = HubRouter.builder(ingress, gate).build().start();
         HubRouter out = HubRouter.builder(egress, gate).build().start();
         CrmSourceAdapter crm = new CrmSourceAdapter(bootstrap, crmTopic, gate);
         BillingDestinationAdapter billing = new BillingDestinationAdapter(bootstrap, billingTopic, gate)) {

      assertThat(crm.publish(new CrmAccount(alice, "Brightwater Analytics", true, "ap@brightwater-analytics.co.uk")))
          .isTrue();
      assertThat(crm.publish(new CrmAccount(bob, "Bob Smith", false, "bob@example.org"))).isTrue();
      assertThat(crm.publish(new CrmAccount(carol, "Carol", false, "carol-at-nowhere")))
          .as("refused in the CRM's own send").isFalse();

      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      Set<String> ours = Set.of(alice, bob, carol);
      while (billing.accounts.stream().filter(a -> ours.contains(a.customerId())).count() < 2
          && System.nanoTime() < deadline) {
        billing.poll();
      }

      assertThat(billing.accounts).filteredOn(a -> ours.contains(a.customerId())).containsExactlyInAnyOrder(
          new BillingAccount(alice, "Brightwater Analytics", "ap@brightwater-analytics.co.uk"),
          new BillingAccount(bob, "Bob Smith", "bob@example.org"));
      assertThat(billing.refused).isEmpty();
    }
  }
}
