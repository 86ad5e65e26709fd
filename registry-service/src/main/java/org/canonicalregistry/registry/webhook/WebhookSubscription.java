package org.canonicalregistry.registry.webhook;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stored subscription: where to POST which events, and the secret that signs them.
 *
 * @param eventTypes never empty; copied
 * @param secret the HMAC key; never shown after creation, never in {@link #toString()}
 * @param createdBy principal name; with ADMINs the only one who may read or delete it
 */
record WebhookSubscription(String id, String url, Set<WebhookEventType> eventTypes, String secret, String createdBy,
                           Instant createdAt) {

    WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        eventTypes = Set.copyOf(EnumSet.copyOf(eventTypes));
    }

    /** Sorted in declaration order, for stable output. */
    List<WebhookEventType> sortedEventTypes() {
        return EnumSet.copyOf(eventTypes).stream().toList();
    }

    /** What the audit trail fingerprints: everything but the secret (a fingerprint must not help guess it). */
    String auditedState() {
        return "WebhookSubscription[id=" + id + ", url=" + url + ", eventTypes=" + sortedEventTypes()
                + ", createdBy=" + createdBy + ", createdAt=" + createdAt + "]";
    }

    @Override
    public String toString() {
        return auditedState();
    }
}
