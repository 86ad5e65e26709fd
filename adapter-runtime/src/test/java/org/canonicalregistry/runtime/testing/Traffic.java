package org.canonicalregistry.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.canonicalregistry.runtime.EnvelopeCodec;
import org.canonicalregistry.runtime.Envelope;
import org.canonicalregistry.runtime.ReasonCode;

import tools.jackson.databind.node.ObjectNode;

/**
 * Source-system traffic for router tests: valid customers (binary and structured mode) mixed with 7% invalid
 * messages of seven kinds. Every record's key ({@code <prefix>-<n>}) identifies it in the outputs.
 */
public final class Traffic {

  /** The ways a message is broken, with the reason the router must give. */
  public enum Fault {
    WRONG_TYPE(ReasonCode.INVALID_PAYLOAD),
    MISSING_REQUIRED(ReasonCode.INVALID_PAYLOAD),
    UNKNOWN_VERSION(ReasonCode.UNKNOWN_VERSION),
    RETIRED_VERSION(ReasonCode.RETIRED_VERSION),
    MALFORMED_JSON(ReasonCode.INVALID_PAYLOAD),
    OVERSIZED(ReasonCode.OVERSIZED),
    NO_ID(ReasonCode.MALFORMED_ENVELOPE);

    public final ReasonCode reason;

    Fault(ReasonCode reason) {
      this.reason = reason;
    }
  }

  /** @param key record key; fault null for a valid message */
  public record Sent(String key, Fault fault) {
  }

  private static final EnvelopeCodec CODEC = EnvelopeCodec.withDefaults();

  private Traffic() {
  }

  /**
   * Sends {@code count} messages to {@code topic}: message n is invalid when {@code n % 100 < 7}, with fault
   * {@code n % 100} (so each fault is 1% of the traffic); every tenth valid one is structured mode.
   *
   * @param oversizedBytes size of the OVERSIZED payloads (above the router's limit)
   */
  public static Map<String, Sent> send(KafkaProducer<byte[], byte[]> producer, String topic, String prefix,
                                       int count, int oversizedBytes) {
    Map<String, Sent> sent = new LinkedHashMap<>();
    List<Map.Entry<ProducerRecord<byte[], byte[]>, Future<RecordMetadata>>> pending = new ArrayList<>();
    ObjectNode full = Models.sample("customer", "full-business-customer-with-contacts");
    ObjectNode minimal = Models.sample("customer", "minimal-business-customer");
    for (int n = 0; n < count; n++) {
      String key = prefix + "-" + n;
      Fault fault = n % 100 < 7 ? Fault.values()[n % 100] : null;
      ObjectNode data = (n % 2 == 0 ? full : minimal).deepCopy().put("customerNumber", "C-" + n);
      String dataschema = "customer@1.0";
      byte[] value = null;
      if (fault != null) {
        switch (fault) {
          case WRONG_TYPE -> data.put("status", 42);
          case MISSING_REQUIRED -> data.remove("displayName");
          case UNKNOWN_VERSION -> dataschema = "customer@1.9";
          case RETIRED_VERSION -> dataschema = "customer@1.2";
          case MALFORMED_JSON -> value = "{\"customerId\": \"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f\",".getBytes(
              StandardCharsets.UTF_8);
          case OVERSIZED -> data.put("legalName", "x".repeat(oversizedBytes));
          default -> {
          }
        }
      }
      Envelope e = new Envelope(key + "-id", "crm", "org.example.customer.changed", null, key, dataschema,
          "crm-to-hub", null, null, Map.of(), data);
      RecordHeaders headers = new RecordHeaders();
      boolean structured = fault == null && n % 10 == 3;
      if (structured) {
        headers.add("content-type", EnvelopeCodec.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        value = CODEC.toStructured(e);
      } else {
        CODEC.toBinaryAttributes(e).forEach((k, v) -> {
          if (!(fault == Fault.NO_ID && k.equals("id"))) {
            headers.add("ce_" + k, v.getBytes(StandardCharsets.UTF_8));
          }
        });
        if (value == null) {
          value = CODEC.dataBytes(e);
        }
      }
      ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8),
          value, headers);
      pending.add(Map.entry(record, producer.send(record)));
      sent.put(key, new Sent(key, fault));
    }
    producer.flush();
    confirm(producer, pending);
    return sent;
  }

  /**
   * Makes sure every record really is in the source topic: a send the broker did not acknowledge (seen once
   * under heavy load, for the first batch after a topic was created) is sent again, so a test never mistakes
   * its own lost input for a loss by the router.
   */
  public static void confirm(KafkaProducer<byte[], byte[]> producer,
                             List<Map.Entry<ProducerRecord<byte[], byte[]>, Future<RecordMetadata>>> pending) {
    int resent = 0;
    for (Map.Entry<ProducerRecord<byte[], byte[]>, Future<RecordMetadata>> p : pending) {
      try {
        p.getValue().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        if (resent == 0) {
          System.out.println("test producer: a send failed (" + e.getCause() + "); sending again");
        }
        try {
          producer.send(p.getKey()).get();
          resent++;
        } catch (InterruptedException | ExecutionException again) {
          throw new IllegalStateException("test input could not be written to Kafka", again);
        }
      }
    }
    if (resent > 0) {
      System.out.println("test producer: " + resent + " sends were not acknowledged and were sent again");
    }
  }

  public static List<String> keysWith(Map<String, Sent> sent, boolean valid) {
    List<String> keys = new ArrayList<>();
    sent.values().forEach(s -> {
      if ((s.fault() == null) == valid) {
        keys.add(s.key());
      }
    });
    return keys;
  }
}
