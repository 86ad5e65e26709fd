package org.canonicalregistry.registry.webhook;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * A webhook subscription was created ({@code webhook.created}) or deleted ({@code webhook.deleted}); published in
 * the transaction that stores the change, so the audit trail records it.
 */
record SubscriptionChanged(String action, String subscriptionId, String actor, String beforeFingerprint,
                           String afterFingerprint, Instant occurredAt) implements AuditedChange {

    static final String CREATED = "webhook.created";
    static final String DELETED = "webhook.deleted";

    @Override
    public String target() {
        return "webhook:" + subscriptionId;
    }
}
