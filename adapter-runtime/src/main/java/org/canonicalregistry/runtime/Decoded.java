package org.canonicalregistry.runtime;

import java.util.Objects;

/** @param envelope the envelope read, payload parsed */
public record Decoded(Envelope envelope) implements Decoding {
  public Decoded {
    Objects.requireNonNull(envelope, "envelope");
  }
}
