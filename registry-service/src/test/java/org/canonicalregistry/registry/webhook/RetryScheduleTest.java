package org.canonicalregistry.registry.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), 0.2, 10);

    /** The wait doubles per failure up to the cap, and jitter only ever shortens it by at most its fraction. */
    @Property
    void everyWaitLiesInTheJitterBandBelowTheCappedDoubling(@ForAll @IntRange(min = 1, max = 10_000) int failures,
                                                            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        double full = Math.min(3600_000d, 10_000d * Math.pow(2, failures - 1));
        long waited = SCHEDULE.delayAfter(failures, random).toMillis();
        assertThat(waited).isBetween((long) Math.floor(full * 0.8), (long) full);
    }

    @Property
    void moreFailuresNeverWaitLessWithoutJitter(@ForAll @IntRange(min = 1, max = 200) int failures) {
        assertThat(SCHEDULE.delayAfter(failures + 1, 0)).isGreaterThanOrEqualTo(SCHEDULE.delayAfter(failures, 0));
    }

    @Test
    void theDefaultScheduleDoublesFromTenSecondsAndGivesUpAfterTenAttempts() {
        assertThat(SCHEDULE.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SCHEDULE.delayAfter(2, 0)).isEqualTo(Duration.ofSeconds(20));
        assertThat(SCHEDULE.delayAfter(9, 0)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(SCHEDULE.delayAfter(10, 0)).isEqualTo(Duration.ofHours(1));
        assertThat(SCHEDULE.exhausted(9)).isFalse();
        assertThat(SCHEDULE.exhausted(10)).isTrue();
    }
}
