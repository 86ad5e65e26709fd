package org.canonicalregistry.runtime;

/**
 * The gate's answer for one message. Closed: {@link Accepted} or {@link Rejected}. Branch with
 * {@code instanceof} patterns.
 */
public sealed interface Verdict permits Accepted, Rejected {
}
