package org.canonicalregistry.registry.entity;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/** An entity was created. Published inside the creating transaction. */
public record EntityCreated(String actor, String entity, String afterFingerprint, Instant occurredAt)
        implements AuditedChange {

    @Override
    public String action() {
        return "entity.created";
    }

    @Override
    public String target() {
        return "entity:" + entity;
    }

    @Override
    public String beforeFingerprint() {
        return null;
    }
}
