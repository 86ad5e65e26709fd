package org.canonicalregistry.runtime;

/**
 * Why the gate refused a message: the stable, machine-readable value of the dead-letter {@code dlq.reason} header
 * and the {@code reason} tag of the rejection metric. Names never change; new codes may be added.
 */
public enum ReasonCode {
  /** {@code data} is not valid against the schema version the envelope names (or is not JSON, or nests too deep). */
  INVALID_PAYLOAD(false),
  /** The envelope lacks a required attribute, has an unreadable one, or (structured mode) is not JSON. */
  MALFORMED_ENVELOPE(false),
  /** The named version is not published (never was, or is only a proposal). */
  UNKNOWN_VERSION(false),
  /** The named version is RETIRED. */
  RETIRED_VERSION(false),
  /** Egress: the destination flow's pinned reader cannot read this version. */
  INCOMPATIBLE_VERSION(false),
  /** The schema could not be had (registry down, not cached): retried, then dead-lettered; replay after recovery. */
  SCHEMA_UNAVAILABLE(true),
  /** The message is larger than the configured limit; it is refused before it is parsed. */
  OVERSIZED(false),
  /**
   * The runtime itself failed on this message (a bug, never a verdict about the message). It is dead-lettered
   * rather than stalling the partition; replay it once the runtime is fixed.
   */
  GATE_ERROR(false);

  private final boolean transientCause;

  ReasonCode(boolean transientCause) {
    this.transientCause = transientCause;
  }

  /** @return true when the same message may pass later without any change (worth retrying and replaying) */
  public boolean transientCause() {
    return transientCause;
  }
}
