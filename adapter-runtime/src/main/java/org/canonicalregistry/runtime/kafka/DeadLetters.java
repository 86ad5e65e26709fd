package org.canonicalregistry.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.canonicalregistry.runtime.ReasonCode;
import org.canonicalregistry.runtime.Rejected;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter record format. A dead letter keeps the original key, value and headers (so it can be replayed
 * exactly) and adds {@code dlq.*} headers; the value is dropped only when it is larger than the dead-letter limit
 * ({@code dlq.value-dropped} then says how large it was). Header names are part of the contract.
 */
public final class DeadLetters {

  /** Machine-readable {@link ReasonCode} name. Always present. */
  public static final String REASON = "dlq.reason";
  /** One human sentence. */
  public static final String DETAIL = "dlq.detail";
  /** JSON array of JSON pointers into {@code data}. */
  public static final String POINTERS = "dlq.pointers";
  /** JSON array of validator messages, parallel to {@link #POINTERS}. */
  public static final String MESSAGES = "dlq.messages";
  /** {@code entity@MAJOR.MINOR} claimed or checked, when known. */
  public static final String SCHEMA = "dlq.schema";
  /** {@code ingress}, {@code egress} or {@code replay}. */
  public static final String STAGE = "dlq.stage";
  /** Flow the message travelled on, when known. */
  public static final String FLOW = "dlq.flow";
  /** Where the record was read: topic, partition, offset. */
  public static final String SOURCE_TOPIC = "dlq.source.topic";
  public static final String SOURCE_PARTITION = "dlq.source.partition";
  public static final String SOURCE_OFFSET = "dlq.source.offset";
  /** When it was dead-lettered (RFC 3339). */
  public static final String TIME = "dlq.time";
  /** How many times it went through the replayer and was rejected again. */
  public static final String REPLAYS = "dlq.replays";
  /** Size of a value too large to keep in the dead-letter topic. */
  public static final String VALUE_DROPPED = "dlq.value-dropped";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final int MAX_HEADER_CHARS = 2_000;

  private DeadLetters() {
  }

  /** @return the dead-letter topic for a topic: {@code <topic>.dlq} */
  public static String topicFor(String topic) {
    return topic + ".dlq";
  }

  static ProducerRecord<byte[], byte[]> record(String dlqTopic, ConsumerRecord<byte[], byte[]> original,
                                               Rejected rejected, String stage, String flow, Instant now,
                                               int replays, int maxValueBytes) {
    Headers headers = new RecordHeaders();
    // A dead letter rejected again by the replayer keeps pointing at where the message first entered the hub.
    String sourceTopic = textOr(original.headers(), SOURCE_TOPIC, original.topic());
    String sourcePartition = textOr(original.headers(), SOURCE_PARTITION, Integer.toString(original.partition()));
    String sourceOffset = textOr(original.headers(), SOURCE_OFFSET, Long.toString(original.offset()));
    for (Header h : original.headers()) {
      if (!h.key().startsWith("dlq.")) {
        headers.add(h);
      }
    }
    put(headers, REASON, rejected.reason().name());
    put(headers, DETAIL, rejected.detail());
    put(headers, POINTERS, json(rejected.pointers()));
    put(headers, MESSAGES, json(rejected.messages()));
    if (rejected.schema() != null) {
      put(headers, SCHEMA, rejected.schema());
    }
    put(headers, STAGE, stage);
    if (flow != null) {
      put(headers, FLOW, flow);
    }
    put(headers, SOURCE_TOPIC, sourceTopic);
    put(headers, SOURCE_PARTITION, sourcePartition);
    put(headers, SOURCE_OFFSET, sourceOffset);
    put(headers, TIME, now.toString());
    if (replays > 0) {
      put(headers, REPLAYS, Integer.toString(replays));
    }
    byte[] value = original.value();
    if (value != null && value.length > maxValueBytes) {
      put(headers, VALUE_DROPPED, Integer.toString(value.length));
      value = null;
    }
    return new ProducerRecord<>(dlqTopic, null, original.key(), value, headers);
  }

  /** @return the reason of a dead letter, or null when the header is missing or unknown */
  public static ReasonCode reasonOf(Headers headers) {
    Header h = headers.lastHeader(REASON);
    if (h == null) {
      return null;
    }
    try {
      return ReasonCode.valueOf(KafkaEnvelopes.text(h));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String textOr(Headers headers, String name, String fallback) {
    Header h = headers.lastHeader(name);
    return h == null ? fallback : KafkaEnvelopes.text(h);
  }

  static int replaysOf(Headers headers) {
    Header h = headers.lastHeader(REPLAYS);
    return h == null ? 0 : Integer.parseInt(KafkaEnvelopes.text(h));
  }

  private static String json(List<String> values) {
    String text = MAPPER.writeValueAsString(values);
    return text.length() <= MAX_HEADER_CHARS ? text : MAPPER.writeValueAsString(values.subList(0, 1));
  }

  private static void put(Headers headers, String name, String value) {
    String v = value.length() <= MAX_HEADER_CHARS ? value : value.substring(0, MAX_HEADER_CHARS) + "...";
    headers.add(name, v.getBytes(StandardCharsets.UTF_8));
  }
}
