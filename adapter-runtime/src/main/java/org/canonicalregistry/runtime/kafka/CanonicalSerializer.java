package org.canonicalregistry.runtime.kafka;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Envelope;
import org.canonicalregistry.runtime.EnvelopeCodec;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.Rejected;
import org.canonicalregistry.runtime.Verdict;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforcement inside an application's own producer: turns a generated entity record into a binary-mode CloudEvent
 * ({@code ce_*} headers, JSON value) after the gate accepted it. The record's constants decide the
 * {@code dataschema} ({@code GLOBAL_ID} when known, else {@code ENTITY@VERSION}); on first use the serializer checks
 * that the registry's fingerprint of that version equals the record's {@code FINGERPRINT}, so a record generated
 * from other content cannot publish under the version's name.
 *
 * <p>Refusal happens in the producing application's {@code send} call ({@link SerializationException} naming the
 * reason and pointers), before anything reaches Kafka: never a poison pill for consumers. Kafka always calls the
 * headers overload; the two-argument overload writes a structured-mode envelope. Thread-safe.
 */
public final class CanonicalSerializer<T> implements Serializer<T> {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final RecordType<T> type;
  private final Gate gate;
  private final KafkaEnvelopes envelopes;
  private final String source;
  private final Function<T, String> subject;
  private final Clock clock;
  private volatile boolean fingerprintChecked;

  /**
   * @param type    a generated entity record class
   * @param gate    the gate to enforce
   * @param source  this application's system code (the envelope's {@code source})
   * @param subject business key of a value (the envelope's {@code subject}), or null for none
   * @param clock   the envelope's {@code time}
   */
  public CanonicalSerializer(Class<T> type, Gate gate, String source, Function<T, String> subject, Clock clock) {
    this.type = RecordType.of(type);
    this.gate = Objects.requireNonNull(gate, "gate");
    this.source = Objects.requireNonNull(source, "source");
    this.subject = subject;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.envelopes = new KafkaEnvelopes(EnvelopeCodec.withDefaults());
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Configured through the constructor (typed), never by class name and property map.
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    return envelopes.codec().toStructured(accept(data).envelope());
  }

  @Override
  public byte[] serialize(String topic, Headers headers, T data) {
    if (data == null) {
      return null;
    }
    Accepted accepted = accept(data);
    envelopes.writeBinaryHeaders(accepted.envelope(), headers);
    return envelopes.codec().dataBytes(accepted.envelope());
  }

  private Accepted accept(T data) {
    JsonNode node = MAPPER.valueToTree(data);
    Envelope envelope = new Envelope(UUID.randomUUID().toString(), source, type.entity(), clock.instant(),
        subject == null ? null : subject.apply(data), type.dataschema(), null, null, clock.instant(), Map.of(),
        node);
    Verdict verdict = gate.ingress(envelope);
    if (verdict instanceof Rejected r) {
      throw new SerializationException(r.reason() + ": " + r.detail() + (r.pointers().isEmpty() ? ""
          : " at " + r.pointers()));
    }
    Accepted accepted = (Accepted) verdict;
    if (!fingerprintChecked) {
      if (!accepted.schema().fingerprint().equals(type.fingerprint())) {
        throw new SerializationException(type.type().getName() + " was generated from content with fingerprint "
            + type.fingerprint() + ", but " + accepted.schema().label() + " has " + accepted.schema().fingerprint()
            + "; regenerate the record");
      }
      fingerprintChecked = true;
    }
    return accepted;
  }
}
