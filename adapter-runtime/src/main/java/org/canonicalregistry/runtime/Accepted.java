package org.canonicalregistry.runtime;

import java.util.Objects;

import org.canonicalregistry.runtime.schema.SchemaDescriptor;

/**
 * The message is a valid instance of a published, readable version.
 *
 * @param envelope the envelope to forward; for a DEPRECATED version it carries the {@code deprecation} extension
 * @param schema   the version it was validated against
 */
public record Accepted(Envelope envelope, SchemaDescriptor schema) implements Verdict {
  public Accepted {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(schema, "schema");
  }

  /** @return true when the version is DEPRECATED (the message passed with a warning) */
  public boolean deprecated() {
    return envelope.extensions().containsKey(Gate.DEPRECATION_EXTENSION);
  }
}
