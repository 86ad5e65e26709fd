package org.canonicalregistry.registry.proposal;

import java.time.Instant;

/**
 * One step in a proposal's history; approvals and rejections are its decisions.
 *
 * @param state the proposal's state after this step
 * @param asAdmin for approvals: it counted because the actor is an ADMIN, not an owner
 */
public record HistoryEntry(int seq, Instant at, String actor, Action action, ProposalState state, boolean asAdmin,
                           String comment) {

    /** What happened. */
    public enum Action {
        OPENED, APPROVED, REJECTED, PUBLISHED, WITHDRAWN, STALE, REBASED
    }
}
