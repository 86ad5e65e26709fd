package org.canonicalregistry.runtime.kafka;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.canonicalregistry.runtime.Accepted;
import org.canonicalregistry.runtime.Decoded;
import org.canonicalregistry.runtime.Decoding;
import org.canonicalregistry.runtime.EnvelopeCodec;
import org.canonicalregistry.runtime.FlowPin;
import org.canonicalregistry.runtime.Gate;
import org.canonicalregistry.runtime.ReasonCode;
import org.canonicalregistry.runtime.Rejected;
import org.canonicalregistry.runtime.Verdict;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforcement inside an application's own consumer. Reads a CloudEvent in either mode, runs the gate (egress
 * against {@code pin}: the reader this application was built for) and binds {@code data} to the generated record
 * type. Returns a {@link Checked} value and never throws for record content, so a bad record cannot stall the
 * consumer as a poison pill: the application sees {@link Checked.Invalid} and dead-letters or skips it.
 * Thread-safe.
 */
public final class CanonicalDeserializer<T> implements Deserializer<Checked<T>> {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final RecordType<T> type;
  private final Gate gate;
  private final FlowPin pin;
  private final KafkaEnvelopes envelopes;

  /**
   * @param type   a generated entity record class; its ENTITY and VERSION are this reader's version
   * @param gate   the gate to enforce
   * @param flowId the flow this consumer serves (metrics, reports)
   */
  public CanonicalDeserializer(Class<T> type, Gate gate, String flowId) {
    this.type = RecordType.of(type);
    this.gate = Objects.requireNonNull(gate, "gate");
    this.pin = new FlowPin(Objects.requireNonNull(flowId, "flowId"), this.type.entity(), this.type.major(),
        this.type.minor());
    this.envelopes = new KafkaEnvelopes(EnvelopeCodec.withDefaults());
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Configured through the constructor (typed), never by class name and property map.
  }

  @Override
  public Checked<T> deserialize(String topic, byte[] data) {
    return deserialize(topic, new RecordHeaders(), data);
  }

  @Override
  public Checked<T> deserialize(String topic, Headers headers, byte[] data) {
    Decoding decoding = envelopes.decode(headers, data);
    if (decoding instanceof Rejected r) {
      return new Checked.Invalid<>(r, data);
    }
    Verdict verdict = gate.egress(((Decoded) decoding).envelope(), pin);
    if (verdict instanceof Rejected r) {
      return new Checked.Invalid<>(r, data);
    }
    Accepted accepted = (Accepted) verdict;
    try {
      return new Checked.Valid<>(accepted.envelope(), MAPPER.treeToValue(accepted.envelope().data(), type.type()));
    } catch (JacksonException e) {
      return new Checked.Invalid<>(new Rejected(ReasonCode.INVALID_PAYLOAD, "valid " + accepted.schema().label()
          + " but not bindable to " + type.type().getName() + ": " + e.getOriginalMessage(), List.of(""),
          List.of(e.getOriginalMessage()), accepted.schema().label()), data);
    }
  }
}
