package org.canonicalregistry.registry.proposal;

import java.util.Objects;

/**
 * An active flow that carries a proposal's entity, as impact analysis sees it.
 *
 * @param flowId the flow's id
 * @param name its name; may be null
 * @param owner the principal owning it; takes part in breaking-change approvals
 * @param pinnedMajor the major version the flow consumes; may be null
 * @param sourceSystem system code the flow reads from; may be null
 * @param targetSystem system code the flow writes to; may be null
 * @param breaks whether the proposed version breaks what the flow reads
 */
public record ImpactedFlow(String flowId, String name, String owner, Integer pinnedMajor, String sourceSystem,
                           String targetSystem, boolean breaks) {

    public ImpactedFlow {
        Objects.requireNonNull(flowId, "flowId");
        Objects.requireNonNull(owner, "owner");
    }
}
