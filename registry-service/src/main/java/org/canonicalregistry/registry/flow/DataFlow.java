package org.canonicalregistry.registry.flow;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A flow: one entity moving from a source system through the hub to a target system, with an owner and promises.
 *
 * @param id stable lower-kebab id, never reused
 * @param name human name
 * @param entity the canonical entity it carries
 * @param consumesMajor the major line of the entity's schema the target's adapter reads (the pinned major)
 * @param source code of the system it reads from
 * @param target code of the system it writes to
 * @param trigger what starts it
 * @param owner principal name owning it; takes part in breaking-change approvals
 * @param delivery retries, backoff, dead-letter channel, replay
 * @param freshness the freshness SLA
 * @param lifecycle where it stands
 */
public record DataFlow(String id, String name, String entity, int consumesMajor, String source, String target,
                       Trigger trigger, String owner, Delivery delivery, Freshness freshness, Lifecycle lifecycle) {

    public DataFlow {
        Objects.requireNonNull(id, "id");
    }

    /** EVENT (expression: the event type the source emits) or CRON (a six-field cron expression, UTC). */
    public record Trigger(Type type, String expression) {
        /** How a flow starts. */
        public enum Type { EVENT, CRON }
    }

    /**
     * @param maxRetries retries before dead-lettering
     * @param backoff wait before the first retry (doubles each time)
     * @param deadLetterChannel where failed messages go; may be null
     * @param replayable whether dead-lettered messages can be replayed
     */
    public record Delivery(int maxRetries, Duration backoff, String deadLetterChannel, boolean replayable) {
    }

    /**
     * Exactly one of: {@code maxAge}, a successful run at least that often; {@code dailyBy}, the day's successful run
     * by that time (UTC).
     */
    public record Freshness(Duration maxAge, LocalTime dailyBy) {
        /** "a successful run at least every 24h" / "by 04:00 daily (UTC)". */
        public String describe() {
            return maxAge != null ? "a successful run at least every " + maxAge.toString().substring(2).toLowerCase()
                    : "a successful run by " + dailyBy + " UTC daily";
        }
    }

    boolean active() {
        return lifecycle == Lifecycle.ACTIVE;
    }

    /** {@code customer@1}: what the map labels the flow with. */
    public String carries() {
        return entity + "@" + consumesMajor;
    }
}
