package org.canonicalregistry.registry.flow;

import java.time.Instant;
import java.util.Objects;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * The SLA monitor found a flow LATE or FAILING and opened an incident. Published once per breach (the incident stays
 * open, and no further event is published, until a good run resolves it), inside the transaction that opens it. The
 * webhook feature delivers it as CloudEvent type {@code org.canonicalregistry.flow.sla-missed}.
 *
 * @param flowId the flow
 * @param entity the entity it carries
 * @param owner the flow's owner
 * @param slaState LATE or FAILING
 * @param incidentId the incident opened
 * @param actor {@code system}: the registry's monitor
 * @param beforeFingerprint null: the incident is new
 * @param afterFingerprint fingerprint of the opened incident
 */
public record FlowSlaMissed(String flowId, String entity, String owner, String slaState, long incidentId, String actor,
                            String beforeFingerprint, String afterFingerprint, Instant occurredAt)
        implements AuditedChange {

    public FlowSlaMissed {
        Objects.requireNonNull(flowId);
        Objects.requireNonNull(slaState);
        Objects.requireNonNull(occurredAt);
    }

    @Override
    public String action() {
        return "flow.sla-missed";
    }

    @Override
    public String target() {
        return "flow:" + flowId;
    }
}
