package org.canonicalregistry.runtime;

import java.util.List;
import java.util.Objects;

/**
 * The message must not reach a destination.
 *
 * @param reason   machine-readable cause
 * @param detail   one human sentence naming the input and the rule or limit hit
 * @param pointers JSON pointers (RFC 6901) into {@code data} of the violations, in validator order; copied
 * @param messages the validator's messages, parallel to {@code pointers}; copied
 * @param schema   {@code entity@MAJOR.MINOR} the message claimed or was checked against, or null when unknown
 */
public record Rejected(ReasonCode reason, String detail, List<String> pointers, List<String> messages, String schema)
    implements Verdict, Decoding {
  public Rejected {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    pointers = List.copyOf(pointers);
    messages = List.copyOf(messages);
  }

  /** A rejection without validator findings. */
  public static Rejected of(ReasonCode reason, String detail, String schema) {
    return new Rejected(reason, detail, List.of(), List.of(), schema);
  }
}
