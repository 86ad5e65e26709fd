package org.canonicalregistry.runtime.schema;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A consecutive-failure circuit breaker on an injected clock. Closed: calls go through. After
 * {@code failureThreshold} failures in a row it opens: calls are refused at once for {@code openFor}. Then one
 * trial call is let through (half-open); its success closes the breaker, its failure opens it again.
 * Thread-safe.
 */
public final class CircuitBreaker {

  /** Where the breaker stands. */
  public enum State { CLOSED, OPEN, HALF_OPEN }

  private final int failureThreshold;
  private final Duration openFor;
  private final Clock clock;

  private State state = State.CLOSED;
  private int consecutiveFailures;
  private Instant openedAt = Instant.EPOCH;
  private boolean trialInFlight;

  public CircuitBreaker(int failureThreshold, Duration openFor, Clock clock) {
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be at least 1, was " + failureThreshold);
    }
    this.failureThreshold = failureThreshold;
    this.openFor = Objects.requireNonNull(openFor, "openFor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @return true when a call may go ahead now; a true in half-open state reserves the single trial call */
  public synchronized boolean tryAcquire() {
    if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
      state = State.HALF_OPEN;
      trialInFlight = false;
    }
    if (state == State.CLOSED) {
      return true;
    }
    if (state == State.HALF_OPEN && !trialInFlight) {
      trialInFlight = true;
      return true;
    }
    return false;
  }

  public synchronized void onSuccess() {
    state = State.CLOSED;
    consecutiveFailures = 0;
    trialInFlight = false;
  }

  public synchronized void onFailure() {
    consecutiveFailures++;
    if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
      state = State.OPEN;
      openedAt = clock.instant();
      trialInFlight = false;
    }
  }

  public synchronized State state() {
    return state;
  }
}
