package org.canonicalregistry.registry.proposal;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * A proposal moved without a decision: withdrawn by its proposer, made stale by another publication, or rebased.
 *
 * @param action {@code proposal.withdrawn}, {@code proposal.stale} or {@code proposal.rebased}
 */
public record ProposalTransitioned(long proposalId, String entity, String actor, String action, String stateAfter,
                                   String beforeFingerprint, String afterFingerprint, Instant occurredAt)
        implements AuditedChange {

    @Override
    public String target() {
        return "proposal:" + proposalId;
    }
}
