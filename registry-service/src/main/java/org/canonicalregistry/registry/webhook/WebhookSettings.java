package org.canonicalregistry.registry.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code registry.webhooks.*}: how the dispatcher delivers the outbox.
 *
 * @param source the CloudEvents {@code source} of every event (set it to the registry's public URL)
 * @param dispatcherEnabled whether this instance runs the scheduled dispatcher (tests drive it by hand)
 * @param pollInterval pause between two looks at the outbox
 * @param lease how long a claimed delivery is reserved for one attempt; an instance that dies mid-delivery
 *              leaves it to be claimed again after this. Must exceed connect + request timeout.
 * @param initialBackoff wait after the first failed attempt; doubled after each further failure
 * @param maxBackoff cap of the doubling
 * @param jitter fraction (0..1) by which a wait is randomly shortened, so retries from many failures spread out
 * @param maxAttempts attempts before a delivery is FAILED
 * @param batchSize deliveries one dispatcher pass attempts at most
 */
@ConfigurationProperties("registry.webhooks")
record WebhookSettings(@DefaultValue("urn:canonical-registry") String source,
                       @DefaultValue("true") boolean dispatcherEnabled,
                       @DefaultValue("2s") Duration pollInterval,
                       @DefaultValue("60s") Duration lease,
                       @DefaultValue("5s") Duration connectTimeout,
                       @DefaultValue("10s") Duration requestTimeout,
                       @DefaultValue("10s") Duration initialBackoff,
                       @DefaultValue("1h") Duration maxBackoff,
                       @DefaultValue("0.2") double jitter,
                       @DefaultValue("10") int maxAttempts,
                       @DefaultValue("50") int batchSize) {

    WebhookSettings {
        if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException("registry.webhooks.lease (" + lease + ") must exceed connect-timeout + "
                    + "request-timeout (" + connectTimeout.plus(requestTimeout) + "): an attempt must end inside its lease");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("registry.webhooks.jitter must be in [0, 1), was " + jitter);
        }
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("registry.webhooks.max-attempts and batch-size must be at least 1");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("registry.webhooks: need 0 < initial-backoff <= max-backoff");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("registry.webhooks.poll-interval must be positive");
        }
    }

    RetrySchedule retrySchedule() {
        return new RetrySchedule(initialBackoff, maxBackoff, jitter, maxAttempts);
    }
}
