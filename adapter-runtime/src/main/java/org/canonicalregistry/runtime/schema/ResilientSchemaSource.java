package org.canonicalregistry.runtime.schema;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wraps a source with retries (jittered backoff) and a circuit breaker. Timeouts belong to the wrapped source
 * (see {@link RegistrySchemaSource.Builder#timeout}). Only {@link SchemaUnavailableException} is retried;
 * a definitive answer, including "not found", is returned at once. While the breaker is open every call fails
 * fast with {@link SchemaUnavailableException}. Thread-safe.
 */
public final class ResilientSchemaSource implements SchemaSource {

  /** Waits between attempts; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final SchemaSource delegate;
  private final RetryPolicy retry;
  private final CircuitBreaker breaker;
  private final Sleeper sleeper;
  private final Consumer<SchemaUnavailableException> onError;

  /**
   * @param delegate the source to protect
   * @param retry    attempts and backoff
   * @param breaker  shared breaker for this source
   * @param sleeper  how to wait ({@code d -> Thread.sleep(d.toMillis())} in production)
   * @param onError  told about every failed attempt (metrics); not null
   */
  public ResilientSchemaSource(SchemaSource delegate, RetryPolicy retry, CircuitBreaker breaker, Sleeper sleeper,
                               Consumer<SchemaUnavailableException> onError) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.breaker = Objects.requireNonNull(breaker, "breaker");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.onError = Objects.requireNonNull(onError, "onError");
  }

  @Override
  public Optional<SchemaDescriptor> version(String entity, int major, int minor) {
    return call(() -> delegate.version(entity, major, minor));
  }

  @Override
  public Optional<SchemaDescriptor> byId(long globalId) {
    return call(() -> delegate.byId(globalId));
  }

  @Override
  public Optional<SchemaDescriptor> latest(String entity, int major) {
    return call(() -> delegate.latest(entity, major));
  }

  @Override
  public boolean forwardCompatible(SchemaDescriptor reader, SchemaDescriptor writer) {
    return call(() -> delegate.forwardCompatible(reader, writer));
  }

  @Override
  public String name() {
    return delegate.name();
  }

  /** @return the breaker, for health reporting */
  public CircuitBreaker breaker() {
    return breaker;
  }

  private <T> T call(Supplier<T> action) {
    SchemaUnavailableException last = null;
    for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
      if (!breaker.tryAcquire()) {
        SchemaUnavailableException open = new SchemaUnavailableException(delegate.name()
            + " circuit breaker is open after repeated failures" + (last == null ? "" : ": " + last.getMessage()));
        onError.accept(open);
        throw open;
      }
      try {
        T result = action.get();
        breaker.onSuccess();
        return result;
      } catch (SchemaUnavailableException e) {
        breaker.onFailure();
        onError.accept(e);
        last = e;
      }
      if (attempt < retry.maxAttempts()) {
        try {
          sleeper.sleep(retry.backoff(attempt, () -> ThreadLocalRandom.current().nextDouble()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SchemaUnavailableException("interrupted while waiting to retry " + delegate.name(), e);
        }
      }
    }
    throw last;
  }
}
