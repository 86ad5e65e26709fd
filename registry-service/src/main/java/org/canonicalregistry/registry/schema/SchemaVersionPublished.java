package org.canonicalregistry.registry.schema;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * A new schema version was stored (published by an approved proposal, or by the registry's own sample import).
 *
 * @param version {@code M.m}
 * @param actor the principal recorded as its author (the proposer, or {@code system})
 * @param afterFingerprint the canonical schema's SHA-256
 */
public record SchemaVersionPublished(String entity, String version, long globalId, String actor,
                                     String afterFingerprint, Instant occurredAt) implements AuditedChange {

    @Override
    public String action() {
        return "version.published";
    }

    @Override
    public String target() {
        return "schema-version:" + entity + "@" + version;
    }

    @Override
    public String beforeFingerprint() {
        return null;
    }
}
