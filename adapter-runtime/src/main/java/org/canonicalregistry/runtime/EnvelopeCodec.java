package org.canonicalregistry.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaRejectedException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes envelopes in the two CloudEvents modes, transport-neutral:
 * <ul>
 *   <li>structured: one JSON object with the attributes and {@code data} (content type
 *       {@value #STRUCTURED_CONTENT_TYPE});</li>
 *   <li>binary: attributes as a name/value map (the Kafka binding puts them in {@code ce_*} headers) and the
 *       payload as the bytes of {@code data}.</li>
 * </ul>
 * Untrusted bytes are checked cheapest first: size ({@link ReasonCode#OVERSIZED} before any parsing), then
 * schema-core's bounded parser (strict UTF-8, duplicate keys, nesting depth). Decoding never throws for bad input;
 * it answers {@link Rejected}. Immutable and thread-safe.
 */
public final class EnvelopeCodec {

  /** Content type of a structured-mode envelope. */
  public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
  /** The CloudEvents version written and required. */
  public static final String SPEC_VERSION = "1.0";

  private static final Set<String> KNOWN = Set.of("specversion", "id", "source", "type", "time", "subject",
      "dataschema", "datacontenttype", "flowid", "correlationid", "recordedtime", "data");
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final SchemaEngine engine;
  private final int maxMessageBytes;

  /**
   * @param engine          parses payloads under its limits (depth, instance bytes)
   * @param maxMessageBytes messages larger than this are {@link ReasonCode#OVERSIZED} without being parsed
   */
  public EnvelopeCodec(SchemaEngine engine, int maxMessageBytes) {
    this.engine = Objects.requireNonNull(engine, "engine");
    if (maxMessageBytes < 1) {
      throw new IllegalArgumentException("maxMessageBytes must be positive, was " + maxMessageBytes);
    }
    this.maxMessageBytes = maxMessageBytes;
  }

  /** A codec on a default engine whose message limit is the engine's instance limit (1 MiB). */
  public static EnvelopeCodec withDefaults() {
    SchemaEngine engine = SchemaEngine.withDefaults();
    return new EnvelopeCodec(engine, engine.limits().maxInstanceBytes());
  }

  /** @return the size limit in bytes */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Reads a structured-mode envelope. */
  public Decoding fromStructured(byte[] json) {
    if (json == null) {
      return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "structured envelope is empty (null record value)", null);
    }
    if (json.length > maxMessageBytes) {
      return oversized(json.length);
    }
    JsonNode root;
    try {
      root = engine.parseInstance(json);
    } catch (SchemaRejectedException e) {
      return unparsable(e, ReasonCode.MALFORMED_ENVELOPE, "structured envelope");
    }
    if (!root.isObject()) {
      return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "structured envelope is a JSON " + root.getNodeType()
          + ", not an object", null);
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : root.properties()) {
      if (member.getKey().equals("data")) {
        continue;
      }
      if (!member.getValue().isString()) {
        return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "envelope attribute '" + member.getKey()
            + "' must be a string, was " + member.getValue().getNodeType(), null);
      }
      attributes.put(member.getKey(), member.getValue().asString());
    }
    if (!root.has("data")) {
      return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "structured envelope has no 'data' member",
          attributes.get("dataschema"));
    }
    return envelope(attributes, root.get("data"));
  }

  /**
   * Reads a binary-mode envelope.
   *
   * @param attributes CloudEvents attributes by name without any transport prefix ({@code id}, {@code source}...)
   * @param data       the payload bytes (UTF-8 JSON)
   */
  public Decoding fromBinary(Map<String, String> attributes, byte[] data) {
    Objects.requireNonNull(attributes, "attributes");
    if (data != null && data.length > maxMessageBytes) {
      return oversized(data.length);
    }
    if (data == null) {
      return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "binary-mode message has no payload (null record value)",
          attributes.get("dataschema"));
    }
    JsonNode payload;
    try {
      payload = engine.parseInstance(data);
    } catch (SchemaRejectedException e) {
      return unparsable(e, ReasonCode.INVALID_PAYLOAD, "payload of " + attributes.getOrDefault("dataschema", "?"));
    }
    return envelope(attributes, payload);
  }

  private Rejected oversized(int size) {
    return Rejected.of(ReasonCode.OVERSIZED, "message is " + size + " bytes; the limit is " + maxMessageBytes,
        null);
  }

  private static Rejected unparsable(SchemaRejectedException e, ReasonCode malformed, String what) {
    ReasonCode reason = switch (e.reason()) {
      case TOO_LARGE -> ReasonCode.OVERSIZED;
      case TOO_DEEP -> ReasonCode.INVALID_PAYLOAD;
      default -> malformed;
    };
    return new Rejected(reason, what + " is not acceptable JSON: " + e.getMessage(), java.util.List.of(e.pointer()),
        java.util.List.of(e.getMessage()), null);
  }

  private static Decoding envelope(Map<String, String> a, JsonNode data) {
    String dataschema = a.get("dataschema");
    if (!SPEC_VERSION.equals(a.get("specversion"))) {
      return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "specversion must be '" + SPEC_VERSION + "', was "
          + quote(a.get("specversion")), dataschema);
    }
    for (String required : new String[] {"id", "source", "type", "dataschema"}) {
      String value = a.get(required);
      if (value == null || value.isBlank()) {
        return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "required attribute '" + required + "' is missing",
            dataschema);
      }
    }
    String contentType = a.get("datacontenttype");
    if (contentType != null && !contentType.startsWith("application/json")) {
      return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "datacontenttype must be application/json, was "
          + quote(contentType), dataschema);
    }
    Map<String, String> extensions = new TreeMap<>();
    for (Map.Entry<String, String> e : a.entrySet()) {
      if (!KNOWN.contains(e.getKey())) {
        if (!Envelope.ATTRIBUTE_NAME.matcher(e.getKey()).matches()) {
          return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "attribute name " + quote(e.getKey())
              + " is not 1-20 lower-case letters or digits", dataschema);
        }
        extensions.put(e.getKey(), e.getValue());
      }
    }
    try {
      return new Decoded(new Envelope(a.get("id"), a.get("source"), a.get("type"), time(a, "time"),
          a.get("subject"), dataschema, a.get("flowid"), a.get("correlationid"), time(a, "recordedtime"),
          extensions, data));
    } catch (DateTimeParseException e) {
      return Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "a time attribute is not an RFC 3339 timestamp: "
          + e.getParsedString(), dataschema);
    }
  }

  private static Instant time(Map<String, String> a, String name) {
    String value = a.get(name);
    return value == null ? null : OffsetDateTime.parse(value).toInstant();
  }

  private static String quote(String s) {
    return s == null ? "nothing" : "'" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "'";
  }

  /** @return the envelope as one structured-mode JSON document */
  public byte[] toStructured(Envelope e) {
    ObjectNode root = MAPPER.createObjectNode();
    toBinaryAttributes(e).forEach(root::put);
    root.put("datacontenttype", "application/json");
    root.set("data", e.data());
    return MAPPER.writeValueAsBytes(root);
  }

  /** @return the attributes for binary mode, by CloudEvents name, in a stable order */
  public Map<String, String> toBinaryAttributes(Envelope e) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("specversion", SPEC_VERSION);
    a.put("id", e.id());
    a.put("source", e.source());
    a.put("type", e.type());
    if (e.time() != null) {
      a.put("time", e.time().toString());
    }
    if (e.subject() != null) {
      a.put("subject", e.subject());
    }
    a.put("dataschema", e.dataschema());
    if (e.flowId() != null) {
      a.put("flowid", e.flowId());
    }
    if (e.correlationId() != null) {
      a.put("correlationid", e.correlationId());
    }
    if (e.recordedTime() != null) {
      a.put("recordedtime", e.recordedTime().toString());
    }
    a.putAll(new TreeMap<>(e.extensions()));
    return a;
  }

  /** @return the payload as UTF-8 JSON bytes */
  public byte[] dataBytes(Envelope e) {
    return MAPPER.writeValueAsBytes(e.data());
  }

  /** @return the payload as text */
  static String dataText(Envelope e) {
    return new String(MAPPER.writeValueAsBytes(e.data()), StandardCharsets.UTF_8);
  }
}
