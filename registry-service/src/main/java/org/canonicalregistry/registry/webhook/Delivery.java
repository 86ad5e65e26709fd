package org.canonicalregistry.registry.webhook;

import java.time.Instant;

/**
 * One event for one subscription, as the deliveries endpoint shows it.
 *
 * @param eventId the CloudEvent {@code id}; the same on every attempt
 * @param attempts attempts started so far (one that crashed mid-way counts)
 * @param lastStatusCode HTTP status of the last answered attempt; null if none answered
 * @param lastError why the last attempt failed; null if none failed
 */
record Delivery(String id, String subscriptionId, String eventId, String eventType, String subject,
                DeliveryStatus status, int attempts, Integer lastStatusCode, String lastError, Instant nextAttemptAt,
                Instant createdAt, Instant deliveredAt) {
}
