package org.canonicalregistry.registry.flow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run of a flow as the adapter runtime reported it.
 *
 * @param runId the reporter's id; a retried report with the same id is the same run
 * @param status SUCCEEDED, FAILED or PARTIAL (some messages rejected or dead-lettered, the rest delivered)
 * @param schemaVersions the schema versions seen ({@code customer@2.3}), sorted
 * @param reportedBy principal that reported it
 */
public record FlowRun(String runId, String flowId, Instant startedAt, Instant endedAt, Status status, Counts counts,
                      List<String> schemaVersions, String reportedBy) {

    /** How a run ended. SUCCEEDED and PARTIAL runs delivered data, so they count for freshness. */
    public enum Status {
        SUCCEEDED, FAILED, PARTIAL;

        boolean delivered() {
            return this != FAILED;
        }
    }

    /** Message counts of one run; each at least 0. */
    public record Counts(long received, long accepted, long rejected, long deadLettered, long replayed) {
    }

    public FlowRun {
        Objects.requireNonNull(runId);
        Objects.requireNonNull(flowId);
        schemaVersions = List.copyOf(schemaVersions).stream().sorted().toList();
    }

    /** The same report, whoever sent it: what makes a retried post idempotent. */
    boolean sameReport(FlowRun other) {
        return flowId.equals(other.flowId) && startedAt.equals(other.startedAt) && endedAt.equals(other.endedAt)
                && status == other.status && counts.equals(other.counts) && schemaVersions.equals(other.schemaVersions);
    }
}
