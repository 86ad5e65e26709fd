package org.canonicalregistry.runtime.kafka;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.canonicalregistry.runtime.Decoding;
import org.canonicalregistry.runtime.Envelope;
import org.canonicalregistry.runtime.EnvelopeCodec;

/**
 * The CloudEvents Kafka protocol binding over {@link EnvelopeCodec}: a record whose {@code content-type} header
 * starts with {@value EnvelopeCodec#STRUCTURED_CONTENT_TYPE} is structured mode (the value is the whole envelope);
 * any other record is binary mode (attributes in {@code ce_*} headers, the value is {@code data}). Immutable and
 * thread-safe.
 */
public final class KafkaEnvelopes {

  /** Prefix of attribute headers in binary mode. */
  public static final String CE_PREFIX = "ce_";
  /** The binding's content-type header. */
  public static final String CONTENT_TYPE = "content-type";

  private final EnvelopeCodec codec;

  public KafkaEnvelopes(EnvelopeCodec codec) {
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** @return the codec underneath */
  public EnvelopeCodec codec() {
    return codec;
  }

  /** Reads a record in either mode; never throws for bad content. */
  public Decoding decode(Headers headers, byte[] value) {
    Header contentType = headers.lastHeader(CONTENT_TYPE);
    if (contentType != null && text(contentType).startsWith(EnvelopeCodec.STRUCTURED_CONTENT_TYPE)) {
      return codec.fromStructured(value);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Header h : headers) {
      if (h.key().startsWith(CE_PREFIX) && h.value() != null) {
        attributes.put(h.key().substring(CE_PREFIX.length()), text(h));
      }
    }
    return codec.fromBinary(attributes, value);
  }

  /** @return true when the record is structured mode */
  static boolean structured(Headers headers) {
    Header contentType = headers.lastHeader(CONTENT_TYPE);
    return contentType != null && text(contentType).startsWith(EnvelopeCodec.STRUCTURED_CONTENT_TYPE);
  }

  /** Replaces every {@code ce_*} and content-type header with the binary-mode headers of {@code envelope}. */
  public void writeBinaryHeaders(Envelope envelope, Headers target) {
    target.remove(CONTENT_TYPE);
    for (Header h : target.toArray()) {
      if (h.key().startsWith(CE_PREFIX)) {
        target.remove(h.key());
      }
    }
    target.add(CONTENT_TYPE, "application/json".getBytes(StandardCharsets.UTF_8));
    codec.toBinaryAttributes(envelope)
        .forEach((name, value) -> target.add(CE_PREFIX + name, value.getBytes(StandardCharsets.UTF_8)));
  }

  static String text(Header h) {
    return h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8);
  }
}
