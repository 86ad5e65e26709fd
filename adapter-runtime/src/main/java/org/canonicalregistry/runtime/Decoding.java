package org.canonicalregistry.runtime;

/** The result of reading an envelope from bytes: {@link Decoded} or a {@link Rejected} that needs no schema. */
public sealed interface Decoding permits Decoded, Rejected {
}
