package org.canonicalregistry.registry.audit;

import java.time.Instant;

/**
 * Filters for listing audit events; every member may be null (no filter). They combine with AND.
 *
 * @param from occurred at or after (inclusive)
 * @param to occurred before (exclusive)
 * @param before only sequence numbers below this (keyset paging, newest first)
 */
public record AuditQuery(String target, String actor, String action, Instant from, Instant to, Long before) {

    static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
