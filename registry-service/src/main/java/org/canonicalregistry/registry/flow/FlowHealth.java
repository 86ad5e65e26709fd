package org.canonicalregistry.registry.flow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A flow's health at one instant.
 *
 * @param lastRun the run that ended last; null when none
 * @param lastSuccess the delivering (SUCCEEDED or PARTIAL) run that ended last; null when none
 * @param window the error-rate window
 * @param runsInWindow runs that ended within the window
 * @param failedRunsInWindow of those, FAILED
 * @param errorRate (rejected + dead-lettered) / received over the window's runs; null when nothing was received
 * @param openIncident the open SLA incident; null when none
 */
public record FlowHealth(DataFlow flow, SlaState state, String detail, FlowRun lastRun, FlowRun lastSuccess, Duration window,
                  long runsInWindow, long failedRunsInWindow, Double errorRate, Incident openIncident) {

    /** An SLA breach, open until a good run resolves it. */
    public record Incident(long id, String flowId, SlaState state, String detail, Instant openedAt, Instant resolvedAt,
                    String resolvedByRun) {
    }

    /**
     * The SLA state, judged in this order: no run at all is NEVER_RAN; a latest run that FAILED is FAILING; no
     * delivering run within the SLA is LATE; otherwise OK. Within the SLA means: for {@code maxAge}, the last
     * delivering run ended at most maxAge ago; for {@code dailyBy} HH:mm, the deadline that counts is the latest
     * HH:mm UTC at or before now, and the day's batch is a delivering run that ended on that deadline's UTC day (from
     * 00:00). So before today's deadline yesterday's batch still satisfies the SLA; after it, only today's does. (A
     * batch that starts before midnight UTC for a deadline after midnight is judged by when it ends.)
     */
    static SlaState judge(DataFlow flow, FlowRun lastRun, FlowRun lastSuccess, Instant now) {
        if (lastRun == null) {
            return SlaState.NEVER_RAN;
        }
        if (lastRun.status() == FlowRun.Status.FAILED) {
            return SlaState.FAILING;
        }
        if (lastSuccess == null || lastSuccess.endedAt().isBefore(freshSince(flow.freshness(), now))) {
            return SlaState.LATE;
        }
        return SlaState.OK;
    }

    /** The earliest end a delivering run may have for the flow to be on time at {@code now}. */
    static Instant freshSince(DataFlow.Freshness sla, Instant now) {
        if (sla.maxAge() != null) {
            return now.minus(sla.maxAge());
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Instant deadline = today.atTime(sla.dailyBy()).toInstant(ZoneOffset.UTC);
        if (deadline.isAfter(now)) {
            deadline = deadline.minus(Duration.ofDays(1));
        }
        return deadline.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static String describe(SlaState state, DataFlow flow, FlowRun lastRun, FlowRun lastSuccess) {
        return switch (state) {
            case NEVER_RAN -> "no run has been reported";
            case FAILING -> "the latest run " + lastRun.runId() + " (ended " + lastRun.endedAt() + ") failed";
            case LATE -> (lastSuccess == null ? "no run has delivered yet" : "the last delivering run ended "
                    + lastSuccess.endedAt()) + "; the SLA asks for " + flow.freshness().describe();
            case OK -> "on time: " + flow.freshness().describe();
        };
    }
}
