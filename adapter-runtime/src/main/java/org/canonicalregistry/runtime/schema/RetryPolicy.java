package org.canonicalregistry.runtime.schema;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Retries with "full jitter" exponential backoff: the wait before attempt {@code n+1} is uniformly random in
 * {@code [0, min(maxDelay, baseDelay * 2^n))}, so many adapters recovering together do not hit the registry in
 * step.
 *
 * @param maxAttempts total attempts, at least 1
 * @param baseDelay   first backoff ceiling
 * @param maxDelay    backoff ceiling cap
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
  }

  /** 3 attempts, 100 ms base, 2 s cap. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));
  }

  /**
   * @param attempt the attempt that just failed, starting at 1
   * @param random  uniform in [0, 1)
   * @return how long to wait before the next attempt
   */
  public Duration backoff(int attempt, DoubleSupplier random) {
    long ceiling = baseDelay.toNanos() << Math.min(attempt - 1, 20);
    ceiling = Math.min(ceiling < 0 ? Long.MAX_VALUE : ceiling, maxDelay.toNanos());
    return Duration.ofNanos((long) (random.getAsDouble() * ceiling));
  }
}
