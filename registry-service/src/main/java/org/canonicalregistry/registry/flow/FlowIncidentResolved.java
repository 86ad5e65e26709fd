package org.canonicalregistry.registry.flow;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/** A good run (or the monitor finding the flow on time again) resolved an open SLA incident. */
public record FlowIncidentResolved(String flowId, long incidentId, String resolvedByRun, String actor,
                                   String beforeFingerprint, String afterFingerprint, Instant occurredAt)
        implements AuditedChange {

    @Override
    public String action() {
        return "flow.incident-resolved";
    }

    @Override
    public String target() {
        return "flow-incident:" + incidentId;
    }
}
