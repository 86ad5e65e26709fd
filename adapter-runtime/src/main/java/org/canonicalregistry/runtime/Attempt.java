package org.canonicalregistry.runtime;

/**
 * Which try of one message a gate check is, for a caller that retries a transient rejection
 * ({@link ReasonCode#transientCause()}) such as {@code SCHEMA_UNAVAILABLE}. The gate counts a message as received
 * on its first attempt only, and counts a transient rejection only on the last attempt, so the metrics count
 * messages, not tries.
 *
 * @param number 1 for the first try
 * @param last   whether the caller gives up after this try when it is rejected again
 */
public record Attempt(int number, boolean last) {

  /** A check that will not be retried: counted as received and, if rejected, as rejected. */
  public static final Attempt ONLY = new Attempt(1, true);

  public Attempt {
    if (number < 1) {
      throw new IllegalArgumentException("attempt number must be at least 1, was " + number);
    }
  }

  /** @return try {@code number} of at most {@code maxAttempts} */
  public static Attempt of(int number, int maxAttempts) {
    return new Attempt(number, number >= maxAttempts);
  }

  boolean first() {
    return number == 1;
  }
}
