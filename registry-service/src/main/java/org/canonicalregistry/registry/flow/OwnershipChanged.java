package org.canonicalregistry.registry.flow;

import java.time.Instant;
import java.util.Objects;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * A system, system of record or flow was created, changed or removed (over REST or by an import). Published inside
 * the writing transaction, one per record changed.
 *
 * @param action {@code system.created}, {@code system.updated}, {@code system.deleted}, {@code system-of-record.*},
 *               {@code flow.*}
 * @param target {@code system:crm}, {@code system-of-record:customer/crm}, {@code flow:crm-to-erp-customer}
 */
public record OwnershipChanged(String actor, String action, String target, String beforeFingerprint,
                               String afterFingerprint, Instant occurredAt) implements AuditedChange {

    public OwnershipChanged {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(action);
        Objects.requireNonNull(target);
        Objects.requireNonNull(occurredAt);
    }
}
