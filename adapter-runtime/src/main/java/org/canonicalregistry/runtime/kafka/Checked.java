package org.canonicalregistry.runtime.kafka;

import java.util.Objects;

import org.canonicalregistry.runtime.Envelope;
import org.canonicalregistry.runtime.Rejected;

/**
 * What {@link CanonicalDeserializer} hands the application for one record: a {@link Valid} typed value, or an
 * {@link Invalid} record with the gate's reason and the original bytes (so the application can dead-letter it).
 * Never an exception: a bad record must not become a poison pill.
 */
public sealed interface Checked<T> permits Checked.Valid, Checked.Invalid {

  /** @param envelope attributes of the message; value the typed payload */
  record Valid<T>(Envelope envelope, T value) implements Checked<T> {
    public Valid {
      Objects.requireNonNull(envelope, "envelope");
      Objects.requireNonNull(value, "value");
    }
  }

  /** @param rejected why; value the record value as received (may be null) */
  record Invalid<T>(Rejected rejected, byte[] value) implements Checked<T> {
    public Invalid {
      Objects.requireNonNull(rejected, "rejected");
    }
  }
}
