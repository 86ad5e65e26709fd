package org.canonicalregistry.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.canonicalregistry.runtime.schema.CachedSchema;
import org.canonicalregistry.runtime.schema.Lookup;
import org.canonicalregistry.runtime.schema.SchemaCache;
import org.canonicalregistry.runtime.schema.SchemaDescriptor;
import org.canonicalregistry.runtime.schema.SchemaRef;
import org.canonicalregistry.runtime.schema.SchemaUnavailableException;
import org.canonicalregistry.runtime.schema.VersionState;
import org.canonicalregistry.schema.ValidationReport;
import org.canonicalregistry.schema.Violation;

import tools.jackson.databind.JsonNode;

/**
 * Enforces the canonical model at the hub boundary. {@link #ingress} checks a message from a source system;
 * {@link #egress} also checks that a destination flow's pinned reader can read it.
 *
 * <p>Checks, in order: {@code dataschema} names a version; the version is published (unknown:
 * {@code UNKNOWN_VERSION}; RETIRED: {@code RETIRED_VERSION}; not answerable now: {@code SCHEMA_UNAVAILABLE});
 * no string in {@code data} is longer than {@link Builder#maxStringLength} (a cheap scan that keeps hostile
 * strings away from format checks whose cost grows faster than linearly); {@code data} is valid, first by a
 * fail-fast boolean check, then, for a reject only, the full error list;
 * on egress the reader/writer rule. A DEPRECATED version passes with the {@value #DEPRECATION_EXTENSION}
 * extension and a {@code canonical.runtime.deprecated} count.
 *
 * <p>Never throws for a bad message; null arguments throw {@link NullPointerException}. Immutable and
 * thread-safe.
 */
public final class Gate {

  /** Extension set on envelopes of DEPRECATED versions: {@code true} or {@code sunset=<date>}. */
  public static final String DEPRECATION_EXTENSION = "deprecation";

  private final SchemaCache cache;
  private final RuntimeMetrics metrics;
  private final int maxReportedViolations;
  private final int maxStringLength;
  private final Map<String, SchemaRef> parsedRefs = new java.util.concurrent.ConcurrentHashMap<>();

  private Gate(Builder b) {
    this.maxStringLength = b.maxStringLength;
    this.cache = b.cache;
    this.metrics = b.metrics;
    this.maxReportedViolations = b.maxReportedViolations;
  }

  /** @param cache where schemas come from */
  public static Builder builder(SchemaCache cache) {
    return new Builder(cache);
  }

  /** @return the cache this gate reads */
  public SchemaCache cache() {
    return cache;
  }

  /** @return the metrics this gate records into */
  public RuntimeMetrics metrics() {
    return metrics;
  }

  /** Checks a message entering the hub from its source system. */
  public Verdict ingress(Envelope envelope) {
    return ingress(envelope, Attempt.ONLY);
  }

  /** Checks a message entering the hub, as try {@code attempt} of a caller that retries transient rejections. */
  public Verdict ingress(Envelope envelope, Attempt attempt) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(attempt, "attempt");
    return check(envelope, null, "ingress", attempt);
  }

  /** Checks a message leaving the hub for the destination flow {@code pin}. */
  public Verdict egress(Envelope envelope, FlowPin pin) {
    return egress(envelope, pin, Attempt.ONLY);
  }

  /** Checks a message leaving the hub, as try {@code attempt} of a caller that retries transient rejections. */
  public Verdict egress(Envelope envelope, FlowPin pin, Attempt attempt) {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(pin, "pin");
    Objects.requireNonNull(attempt, "attempt");
    return check(envelope, pin, "egress", attempt);
  }

  /**
   * Counts a rejection decided before the gate (an envelope that could not be decoded), so received and rejected
   * stay comparable.
   */
  public void countUndecodable(Rejected rejected, String flow, String stage) {
    metrics.received(stage, flow, null, null);
    metrics.rejected(stage, flow, null, null, rejected.reason());
  }

  private Verdict check(Envelope envelope, FlowPin pin, String stage, Attempt attempt) {
    String flow = pin != null ? pin.flowId() : envelope.flowId();
    Optional<SchemaRef> ref = parse(envelope.dataschema());
    if (ref.isEmpty()) {
      received(attempt, stage, flow, null, null);
      return reject(attempt, stage, flow, null, Rejected.of(ReasonCode.MALFORMED_ENVELOPE, "dataschema '"
          + abbreviate(envelope.dataschema()) + "' is neither entity@MAJOR.MINOR, urn:canonical:<entity>:"
          + "MAJOR.MINOR nor urn:canonical:schemas:<id>", null));
    }
    Lookup lookup = cache.resolve(ref.get());
    if (lookup instanceof Lookup.NotFound notFound) {
      received(attempt, stage, flow, entityOf(ref.get()), versionOf(ref.get()));
      return reject(attempt, stage, flow, Rejected.of(ReasonCode.UNKNOWN_VERSION, notFound.what()
          + " is not a published schema version", ref.get().toString()), entityOf(ref.get()), versionOf(ref.get()));
    }
    if (lookup instanceof Lookup.Unavailable unavailable) {
      received(attempt, stage, flow, entityOf(ref.get()), versionOf(ref.get()));
      return reject(attempt, stage, flow, Rejected.of(ReasonCode.SCHEMA_UNAVAILABLE, unavailable.message(),
          ref.get().toString()), entityOf(ref.get()), versionOf(ref.get()));
    }
    CachedSchema schema = ((Lookup.Found) lookup).schema();
    SchemaDescriptor d = schema.descriptor();
    received(attempt, stage, flow, d.entity(), d.version());
    if (d.state() == VersionState.RETIRED) {
      return reject(attempt, stage, flow, d, Rejected.of(ReasonCode.RETIRED_VERSION, d.label() + " is retired"
          + (d.sunset() == null ? "" : " (sunset " + d.sunset() + ")"), d.label()));
    }
    String tooLong = firstStringLongerThan(envelope.data(), maxStringLength);
    if (tooLong != null) {
      return reject(attempt, stage, flow, d, new Rejected(ReasonCode.INVALID_PAYLOAD, "data has a string longer than the hub's"
          + " limit of " + maxStringLength + " characters at '" + tooLong + "'; it is refused before validation",
          List.of(tooLong), List.of("string longer than " + maxStringLength + " characters"), d.label()));
    }
    long start = System.nanoTime();
    boolean valid = schema.compiled().isValid(envelope.data());
    if (!valid) {
      ValidationReport report = schema.compiled().validate(envelope.data());
      metrics.validation(d.entity(), d.version(), System.nanoTime() - start, false);
      return reject(attempt, stage, flow, d, invalid(d, report));
    }
    metrics.validation(d.entity(), d.version(), System.nanoTime() - start, true);
    if (pin != null) {
      Rejected unreadable = readable(d, pin);
      if (unreadable != null) {
        return reject(attempt, stage, flow, d, unreadable);
      }
    }
    Envelope out = envelope;
    if (d.state() == VersionState.DEPRECATED) {
      metrics.deprecated(stage, flow, d.entity(), d.version());
      out = envelope.withExtension(DEPRECATION_EXTENSION, d.sunset() == null ? "true" : "sunset=" + d.sunset());
    }
    metrics.accepted(stage, flow, d.entity(), d.version());
    return new Accepted(out, d);
  }

  /** A message names one of a handful of versions: remember the parsed ones (bounded: unknown ones are not kept). */
  private Optional<SchemaRef> parse(String dataschema) {
    SchemaRef known = parsedRefs.get(dataschema);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<SchemaRef> ref = SchemaRef.parse(dataschema);
    if (ref.isPresent() && parsedRefs.size() < 10_000) {
      parsedRefs.put(dataschema, ref.get());
    }
    return ref;
  }

  /** @return null when the pinned reader can read {@code writer}, else the rejection */
  private Rejected readable(SchemaDescriptor writer, FlowPin pin) {
    if (!writer.entity().equals(pin.entity()) || writer.major() != pin.major()) {
      return Rejected.of(ReasonCode.INCOMPATIBLE_VERSION, "flow " + pin.flowId() + " reads " + pin.entity() + "@"
          + pin.major() + ".x; the message is " + writer.label() + " (another entity or major line)", writer.label());
    }
    if (writer.minor() < pin.minMinor()) {
      return Rejected.of(ReasonCode.INCOMPATIBLE_VERSION, "flow " + pin.flowId() + " needs at least "
          + pin.reader() + "; the message is the older " + writer.label(), writer.label());
    }
    if (writer.minor() == pin.minMinor()) {
      return null;
    }
    Lookup readerLookup = cache.version(pin.entity(), pin.major(), pin.minMinor());
    if (readerLookup instanceof Lookup.NotFound) {
      return Rejected.of(ReasonCode.UNKNOWN_VERSION, "flow " + pin.flowId() + " is pinned to " + pin.reader()
          + ", which is not a published version", writer.label());
    }
    if (readerLookup instanceof Lookup.Unavailable u) {
      return Rejected.of(ReasonCode.SCHEMA_UNAVAILABLE, "reader version of flow " + pin.flowId() + ": "
          + u.message(), writer.label());
    }
    SchemaDescriptor reader = ((Lookup.Found) readerLookup).schema().descriptor();
    try {
      if (cache.forwardCompatible(reader, writer)) {
        return null;
      }
    } catch (SchemaUnavailableException e) {
      return Rejected.of(ReasonCode.SCHEMA_UNAVAILABLE, "no verdict for " + writer.label() + " read as "
          + reader.label() + ": " + e.getMessage(), writer.label());
    }
    return Rejected.of(ReasonCode.INCOMPATIBLE_VERSION, writer.label() + " is not FORWARD compatible with "
        + reader.label() + ": flow " + pin.flowId() + "'s reader could not read it", writer.label());
  }

  /**
   * Some format checks of the validator (e-mail) cost time quadratic in the string's length: a 5,000-character
   * string takes seconds. No canonical field is that long (the longest maxLength in the models is 8,000), so a
   * string past the hub's limit is refused before the validator sees it.
   *
   * @return the pointer of the first string longer than {@code max}, or null
   */
  static String firstStringLongerThan(JsonNode data, int max) {
    // The hot path only asks "is there one?", without building a pointer per node; the pointer is computed
    // for the rare reject.
    if (!hasStringLongerThan(data, max)) {
      return null;
    }
    Deque<Map.Entry<String, JsonNode>> todo = new ArrayDeque<>();
    todo.push(Map.entry("", data));
    while (!todo.isEmpty()) {
      Map.Entry<String, JsonNode> e = todo.pop();
      JsonNode node = e.getValue();
      if (node.isString()) {
        if (node.asString().length() > max) {
          return e.getKey();
        }
      } else if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          if (member.getKey().length() > max) {
            return e.getKey();
          }
          todo.push(Map.entry(e.getKey() + "/" + member.getKey().replace("~", "~0").replace("/", "~1"),
              member.getValue()));
        }
      } else if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          todo.push(Map.entry(e.getKey() + "/" + i, node.get(i)));
        }
      }
    }
    return null;
  }

  private static boolean hasStringLongerThan(JsonNode data, int max) {
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(data);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node.isString()) {
        if (node.asString().length() > max) {
          return true;
        }
      } else if (node.isObject()) {
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          if (member.getKey().length() > max) {
            return true;
          }
          todo.push(member.getValue());
        }
      } else if (node.isArray()) {
        for (JsonNode element : node) {
          todo.push(element);
        }
      }
    }
    return false;
  }

  private Rejected invalid(SchemaDescriptor d, ValidationReport report) {
    List<String> pointers = new ArrayList<>();
    List<String> messages = new ArrayList<>();
    for (Violation v : report.violations()) {
      if (pointers.size() == maxReportedViolations) {
        break;
      }
      pointers.add(v.instancePath());
      messages.add(v.message());
    }
    if (pointers.isEmpty()) {
      messages.add("the fail-fast check refused the payload");
      pointers.add("");
    }
    int total = report.violations().size();
    return new Rejected(ReasonCode.INVALID_PAYLOAD, "data is not a valid " + d.label() + ": "
        + Math.max(total, 1) + " violation(s), first at '" + pointers.get(0) + "': " + messages.get(0),
        pointers, messages, d.label());
  }

  /** A retried message is one message: received counts its first try only. */
  private void received(Attempt attempt, String stage, String flow, String entity, String version) {
    if (attempt.first()) {
      metrics.received(stage, flow, entity, version);
    }
  }

  private Rejected reject(Attempt attempt, String stage, String flow, SchemaDescriptor d, Rejected r) {
    return reject(attempt, stage, flow, r, d == null ? null : d.entity(), d == null ? null : d.version());
  }

  /** A transient rejection the caller will retry is not an outcome yet: only the last try's counts. */
  private Rejected reject(Attempt attempt, String stage, String flow, Rejected r, String entity, String version) {
    if (attempt.last() || !r.reason().transientCause()) {
      metrics.rejected(stage, flow, entity, version, r.reason());
    }
    return r;
  }

  private static String entityOf(SchemaRef ref) {
    return ref instanceof SchemaRef.ByVersion v ? v.entity() : null;
  }

  private static String versionOf(SchemaRef ref) {
    return ref instanceof SchemaRef.ByVersion v ? v.major() + "." + v.minor() : null;
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  /** Collects settings; not thread-safe. */
  public static final class Builder {
    private final SchemaCache cache;
    private RuntimeMetrics metrics = RuntimeMetrics.inMemory();
    private int maxReportedViolations = 20;
    private int maxStringLength = 8_192;

    private Builder(SchemaCache cache) {
      this.cache = Objects.requireNonNull(cache, "cache");
    }

    public Builder metrics(RuntimeMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** At most this many violations are listed in a rejection (dead-letter headers stay small); default 20. */
    public Builder maxReportedViolations(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxReportedViolations must be at least 1, was " + max);
      }
      this.maxReportedViolations = max;
      return this;
    }

    /**
     * Longest string (value or member name) the hub lets through to the validator; longer ones are
     * {@code INVALID_PAYLOAD} at once. Default 8192 characters.
     */
    public Builder maxStringLength(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxStringLength must be at least 1, was " + max);
      }
      this.maxStringLength = max;
      return this;
    }

    public Gate build() {
      return new Gate(this);
    }
  }
}
