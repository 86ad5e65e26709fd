package org.canonicalregistry.registry.flow;

/**
 * A flow's standing against its freshness SLA, worst first (the order {@code GET /flows/health} sorts by).
 * FAILING: its latest run failed. LATE: no delivering run within the SLA. NEVER_RAN: no run reported yet. OK.
 */
public enum SlaState {
    FAILING, LATE, NEVER_RAN, OK;

    boolean breach() {
        return this == FAILING || this == LATE;
    }
}
