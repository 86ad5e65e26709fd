package org.canonicalregistry.registry.proposal;

import java.time.Instant;

/**
 * A step about to be appended to a proposal's history; the repository numbers it ({@link HistoryEntry#seq()}) under
 * the proposal's row lock, so callers never read the history just to count it.
 */
record HistoryStep(Instant at, String actor, HistoryEntry.Action action, ProposalState state, boolean asAdmin,
                   String comment) {
}
