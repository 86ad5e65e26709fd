package org.canonicalregistry.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A message crossing the hub, shaped like a CloudEvent (spec 1.0).
 *
 * @param id            unique per message from its source; consumers deduplicate on {@code (source, id)}
 * @param source        system code of the producer, e.g. {@code crm}
 * @param type          event type, e.g. {@code org.example.customer.changed}
 * @param time          when the fact happened in the source, may be null
 * @param subject       business key, e.g. the customer id; used as the Kafka record key; may be null
 * @param dataschema    {@code entity@MAJOR.MINOR}, {@code urn:canonical:entity:MAJOR.MINOR} or
 *                      {@code urn:canonical:schemas:<globalId>}
 * @param flowId        extension {@code flowid}: the registry flow this message travels on, may be null
 * @param correlationId extension {@code correlationid}, may be null
 * @param recordedTime  extension {@code recordedtime}: when the source recorded it, may be null
 * @param extensions    other extensions (lower-case alphanumeric names), e.g. {@code deprecation}; copied
 * @param data          the payload, never null ({@code NullNode} for JSON null)
 */
public record Envelope(String id, String source, String type, Instant time, String subject, String dataschema,
                       String flowId, String correlationId, Instant recordedTime, Map<String, String> extensions,
                       JsonNode data) {

  /** CloudEvents attribute names: lower-case letters and digits, at most 20 characters. */
  static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z0-9]{1,20}");

  public Envelope {
    requireText(id, "id");
    requireText(source, "source");
    requireText(type, "type");
    requireText(dataschema, "dataschema");
    Objects.requireNonNull(data, "data");
    for (String name : extensions.keySet()) {
      if (!ATTRIBUTE_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("extension name '" + name + "' is not 1-20 lower-case letters or digits");
      }
    }
    extensions = Map.copyOf(extensions);
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("envelope attribute '" + name + "' is required and must not be blank");
    }
  }

  /** @return a copy with one extension set (replacing any earlier value) */
  public Envelope withExtension(String name, String value) {
    Map<String, String> copy = new TreeMap<>(extensions);
    copy.put(name, Objects.requireNonNull(value, "value"));
    return new Envelope(id, source, type, time, subject, dataschema, flowId, correlationId, recordedTime, copy,
        data);
  }

  /** @return a copy carrying another payload (same attributes) */
  public Envelope withData(JsonNode newData) {
    return new Envelope(id, source, type, time, subject, dataschema, flowId, correlationId, recordedTime, extensions,
        newData);
  }
}
