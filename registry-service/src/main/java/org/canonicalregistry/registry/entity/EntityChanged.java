package org.canonicalregistry.registry.entity;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/** An entity's metadata (owners, policy, description, domain…) changed. Published inside the transaction. */
public record EntityChanged(String actor, String entity, String beforeFingerprint, String afterFingerprint,
                            Instant occurredAt) implements AuditedChange {

    @Override
    public String action() {
        return "entity.changed";
    }

    @Override
    public String target() {
        return "entity:" + entity;
    }
}
