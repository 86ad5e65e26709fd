package org.canonicalregistry.registry.schema;

import java.time.Instant;
import java.time.LocalDate;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * An owner deprecated or retired a schema version (content never changes; only its state).
 *
 * @param version {@code M.m}
 * @param from state before
 * @param to {@link SchemaState#DEPRECATED} or {@link SchemaState#RETIRED}
 * @param sunset the announced retirement date (deprecation); may be null
 * @param replacement the version to move to ({@code customer@3.0}); may be null
 */
public record SchemaVersionStateChanged(String entity, String version, long globalId, SchemaState from,
                                        SchemaState to, LocalDate sunset, String replacement, String actor,
                                        String beforeFingerprint, String afterFingerprint, Instant occurredAt)
        implements AuditedChange {

    @Override
    public String action() {
        return to == SchemaState.RETIRED ? "version.retired" : "version.deprecated";
    }

    @Override
    public String target() {
        return "schema-version:" + entity + "@" + version;
    }
}
