package org.canonicalregistry.registry.flow;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/** An adapter reported a run of a flow. Published in the recording transaction (not again for a retried report). */
public record FlowRunRecorded(String flowId, String runId, String status, String actor, String afterFingerprint,
                              Instant occurredAt) implements AuditedChange {

    @Override
    public String action() {
        return "flow.run-recorded";
    }

    @Override
    public String target() {
        return "flow-run:" + flowId + "/" + runId;
    }

    @Override
    public String beforeFingerprint() {
        return null;
    }
}
