package org.canonicalregistry.registry.proposal;

/**
 * Where a change proposal is in its lifecycle.
 *
 * <pre>
 * OPEN --approvals complete--> APPROVED --same transaction--> PUBLISHED
 * OPEN | STALE --reject--> REJECTED          OPEN | STALE --withdraw--> WITHDRAWN
 * OPEN --another version published--> STALE --rebase--> OPEN
 * </pre>
 */
public enum ProposalState {
    OPEN, APPROVED, PUBLISHED, REJECTED, WITHDRAWN, STALE;

    /** Not yet decided: a proposal in one of these states may still change, and blocks identical re-proposals. */
    boolean undecided() {
        return this == OPEN || this == APPROVED || this == STALE;
    }
}
