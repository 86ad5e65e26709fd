package org.canonicalregistry.registry.audit;

import java.util.List;

/**
 * One page of audit events, newest first.
 *
 * @param nextBefore the {@code before} for the next (older) page; null when this is the last page
 */
public record AuditPage(List<AuditEvent> events, Long nextBefore) {

    public AuditPage {
        events = List.copyOf(events);
    }
}
