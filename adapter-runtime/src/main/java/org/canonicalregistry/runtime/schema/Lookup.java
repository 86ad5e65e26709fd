package org.canonicalregistry.runtime.schema;

import java.util.Objects;

/** The cache's answer for one schema reference: found, definitively unknown, or not answerable now. */
public sealed interface Lookup permits Lookup.Found, Lookup.NotFound, Lookup.Unavailable {

  /** @param schema the compiled version, not null */
  record Found(CachedSchema schema) implements Lookup {
    public Found {
      Objects.requireNonNull(schema, "schema");
    }
  }

  /** @param what the reference as given, e.g. {@code customer@1.7} */
  record NotFound(String what) implements Lookup {
    public NotFound {
      Objects.requireNonNull(what, "what");
    }
  }

  /** @param message why no answer could be had (outage, open circuit, timeout) */
  record Unavailable(String message) implements Lookup {
    public Unavailable {
      Objects.requireNonNull(message, "message");
    }
  }
}
