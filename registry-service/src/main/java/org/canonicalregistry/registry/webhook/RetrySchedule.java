package org.canonicalregistry.registry.webhook;

import java.time.Duration;

/**
 * Exponential backoff with jitter: after the {@code n}-th failed attempt the next one waits
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))}, shortened by a random fraction of up to {@code jitter}.
 * After {@code maxAttempts} failures the delivery is given up.
 */
record RetrySchedule(Duration initialBackoff, Duration maxBackoff, double jitter, int maxAttempts) {

    /**
     * @param failedAttempts attempts made so far, at least 1
     * @param random uniform in [0, 1): 0 gives the full wait, values near 1 the shortest
     */
    Duration delayAfter(int failedAttempts, double random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        Duration full = maxBackoff;
        int doublings = failedAttempts - 1;
        // Stop doubling once past the cap (also keeps the shift from overflowing).
        if (doublings < 62) {
            long factor = 1L << doublings;
            long cap = maxBackoff.toMillis();
            long base = initialBackoff.toMillis();
            if (base <= cap / factor) {
                full = Duration.ofMillis(base * factor);
            }
        }
        long shortened = (long) (full.toMillis() * jitter * random);
        return full.minusMillis(shortened);
    }

    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
