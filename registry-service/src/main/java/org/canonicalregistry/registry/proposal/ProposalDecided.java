package org.canonicalregistry.registry.proposal;

import java.time.Instant;
import org.canonicalregistry.registry.audit.AuditedChange;

/**
 * An approver approved or rejected a proposal. Published inside the deciding transaction; when the approval completes
 * the required set, a {@link ProposalPublished} follows in the same transaction.
 *
 * @param actor the deciding principal
 * @param approved true for an approval, false for a rejection
 * @param asAdmin the decision counted because the actor is an ADMIN, not an owner
 * @param comment the decision's comment
 * @param stateAfter the proposal state after this decision ({@code OPEN}, {@code APPROVED} or {@code REJECTED})
 */
public record ProposalDecided(long proposalId, String entity, String actor, boolean approved, boolean asAdmin,
                              String comment, String stateAfter, String beforeFingerprint, String afterFingerprint,
                              Instant occurredAt) implements AuditedChange {

    @Override
    public String action() {
        return approved ? "proposal.approved" : "proposal.rejected";
    }

    @Override
    public String target() {
        return "proposal:" + proposalId;
    }
}
