package org.canonicalregistry.runtime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.runtime.testing.SwitchableSource;
import org.canonicalregistry.runtime.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResilienceTest {

  @TempDir
  Path folder;

  private final TestClock clock = new TestClock(Instant.parse("2026-11-22T01:00:00Z"));

  @Test
  void theBreakerOpensAfterTheThresholdRefusesWhileOpenAndLetsOneTrialThroughLater() {
    CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(breaker.tryAcquire()).isTrue();
      breaker.onFailure();
    }
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.tryAcquire()).isFalse();

    clock.advance(Duration.ofSeconds(10));
    assertThat(breaker.tryAcquire()).as("the trial").isTrue();
    assertThat(breaker.tryAcquire()).as("only one trial at a time").isFalse();
    breaker.onFailure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);

    clock.advance(Duration.ofSeconds(10));
    assertThat(breaker.tryAcquire()).isTrue();
    breaker.onSuccess();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(breaker.tryAcquire()).isTrue();
  }

  @Test
  void aFailingSourceIsRetriedWithJitteredBackoffThenReportedUnavailable() {
    SwitchableSource source = new SwitchableSource(new LocalSchemaSource(Models.localFolder(folder)));
    source.down();
    List<Duration> waits = new ArrayList<>();
    AtomicInteger errors = new AtomicInteger();
    ResilientSchemaSource resilient = new ResilientSchemaSource(source,
        new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)),
        new CircuitBreaker(10, Duration.ofSeconds(10), clock), waits::add, e -> errors.incrementAndGet());

    assertThatThrownBy(() -> resilient.version("customer", 1, 0)).isInstanceOf(SchemaUnavailableException.class);

    assertThat(source.calls).hasValue(3);
    assertThat(errors).hasValue(3);
    assertThat(waits).hasSize(2);
    assertThat(waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
    assertThat(waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
  }

  @Test
  void anOpenBreakerFailsFastWithoutCallingTheSource() {
    SwitchableSource source = new SwitchableSource(new LocalSchemaSource(Models.localFolder(folder)));
    source.down();
    ResilientSchemaSource resilient = new ResilientSchemaSource(source,
        new RetryPolicy(1, Duration.ZERO, Duration.ZERO), new CircuitBreaker(2, Duration.ofSeconds(10), clock),
        d -> { }, e -> { });
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> resilient.version("customer", 1, 0)).isInstanceOf(SchemaUnavailableException.class);
    }

    source.up();
    assertThatThrownBy(() -> resilient.version("customer", 1, 0)).hasMessageContaining("circuit breaker is open");
    assertThat(source.calls).hasValue(2);

    clock.advance(Duration.ofSeconds(10));
    assertThat(resilient.version("customer", 1, 0)).isPresent();
  }

  @Test
  void notFoundIsAnAnswerAndIsNotRetried() {
    SwitchableSource source = new SwitchableSource(new LocalSchemaSource(Models.localFolder(folder)));
    ResilientSchemaSource resilient = new ResilientSchemaSource(source,
        new RetryPolicy(3, Duration.ZERO, Duration.ZERO), new CircuitBreaker(2, Duration.ofSeconds(10), clock),
        d -> { }, e -> { });

    assertThat(resilient.version("customer", 1, 9)).isEmpty();
    assertThat(source.calls).hasValue(1);
  }

  @ParameterizedTest(name = "attempt {0}")
  @ValueSource(ints = {1, 2, 5, 10, 40})
  void backoffStaysUnderItsCeilingAndTheCap(int attempt) {
    RetryPolicy policy = new RetryPolicy(50, Duration.ofMillis(100), Duration.ofSeconds(2));
    Duration ceiling = Duration.ofMillis(Math.min(2_000, 100L << Math.min(attempt - 1, 20)));

    assertThat(policy.backoff(attempt, () -> 0.0)).isZero();
    assertThat(policy.backoff(attempt, () -> 0.999_999)).isLessThanOrEqualTo(ceiling)
        .isGreaterThan(ceiling.multipliedBy(9).dividedBy(10));
  }
}
