package org.canonicalregistry.registry.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.canonicalregistry.registry.storage.DatabaseSequences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/** Storage of flow runs and SLA incidents. Callers own the transaction and hold the flow's row lock for writes. */
@Repository
class FlowRunRepository {

    private final JdbcClient jdbc;
    private final DataFieldMaxValueIncrementer incidentIds;

    FlowRunRepository(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.incidentIds = DatabaseSequences.incrementer(dataSource, "flow_incident_id_seq");
    }

    Optional<FlowRun> run(String runId) {
        return jdbc.sql("SELECT * FROM flow_run WHERE run_id = :id").param("id", runId)
                .query(FlowRunRepository::run).optional();
    }

    void insert(FlowRun r, Instant recordedAt) {
        jdbc.sql("""
                INSERT INTO flow_run (run_id, flow_id, started_at, ended_at, status, received, accepted, rejected,
                                      dead_lettered, replayed, schema_versions, reported_by, recorded_at)
                VALUES (:runId, :flowId, :startedAt, :endedAt, :status, :received, :accepted, :rejected,
                        :deadLettered, :replayed, :versions, :by, :at)""")
                .param("runId", r.runId())
                .param("flowId", r.flowId())
                .param("startedAt", OwnershipRepository.utc(r.startedAt()))
                .param("endedAt", OwnershipRepository.utc(r.endedAt()))
                .param("status", r.status().name())
                .param("received", r.counts().received())
                .param("accepted", r.counts().accepted())
                .param("rejected", r.counts().rejected())
                .param("deadLettered", r.counts().deadLettered())
                .param("replayed", r.counts().replayed())
                .param("versions", String.join(" ", r.schemaVersions()))
                .param("by", r.reportedBy())
                .param("at", OwnershipRepository.utc(recordedAt))
                .update();
    }

    /** Newest first. */
    List<FlowRun> runs(String flowId, int limit) {
        return jdbc.sql("SELECT * FROM flow_run WHERE flow_id = :flow ORDER BY ended_at DESC, run_id LIMIT :limit")
                .param("flow", flowId).param("limit", limit).query(FlowRunRepository::run).list();
    }

    /** Per flow (all flows when {@code flowId} is null): the run that ended last. */
    Map<String, FlowRun> lastRuns(String flowId, boolean deliveredOnly) {
        String status = deliveredOnly ? " AND x.status <> 'FAILED'" : "";
        String outerStatus = deliveredOnly ? " AND r.status <> 'FAILED'" : "";
        String flow = flowId == null ? "" : " AND r.flow_id = :flow";
        var spec = jdbc.sql("SELECT r.* FROM flow_run r WHERE r.ended_at = (SELECT MAX(x.ended_at) FROM flow_run x"
                + " WHERE x.flow_id = r.flow_id" + status + ")" + outerStatus + flow
                // Runs ending at the same instant: the one reported last counts (a retry after a failure).
                + " ORDER BY r.recorded_at DESC, r.run_id");
        if (flowId != null) {
            spec = spec.param("flow", flowId);
        }
        Map<String, FlowRun> out = new HashMap<>();
        spec.query(FlowRunRepository::run).list().forEach(r -> out.putIfAbsent(r.flowId(), r));
        return out;
    }

    /** Per flow: [runs, failed runs, received, rejected + dead-lettered] of the runs that ended at or after {@code since}. */
    Map<String, long[]> window(String flowId, Instant since) {
        String flow = flowId == null ? "" : " AND flow_id = :flow";
        var spec = jdbc.sql("""
                SELECT flow_id, COUNT(*) AS runs,
                       SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                       SUM(received) AS received, SUM(rejected + dead_lettered) AS bad
                  FROM flow_run WHERE ended_at >= :since""" + flow + " GROUP BY flow_id")
                .param("since", OwnershipRepository.utc(since));
        if (flowId != null) {
            spec = spec.param("flow", flowId);
        }
        Map<String, long[]> out = new HashMap<>();
        spec.query((rs, row) -> {
            out.put(rs.getString("flow_id"), new long[] {rs.getLong("runs"), rs.getLong("failed"),
                    rs.getLong("received"), rs.getLong("bad")});
            return null;
        }).list();
        return out;
    }

    // ---------------------------------------------------------------- incidents

    Map<String, FlowHealth.Incident> openIncidents(String flowId) {
        String flow = flowId == null ? "" : " AND flow_id = :flow";
        var spec = jdbc.sql("SELECT * FROM flow_incident WHERE resolved_at IS NULL" + flow + " ORDER BY id");
        if (flowId != null) {
            spec = spec.param("flow", flowId);
        }
        Map<String, FlowHealth.Incident> out = new HashMap<>();
        spec.query(FlowRunRepository::incident).list().forEach(i -> out.putIfAbsent(i.flowId(), i));
        return out;
    }

    List<FlowHealth.Incident> incidents(String flowId) {
        return jdbc.sql("SELECT * FROM flow_incident WHERE flow_id = :flow ORDER BY id").param("flow", flowId)
                .query(FlowRunRepository::incident).list();
    }

    FlowHealth.Incident open(String flowId, SlaState state, String detail, Instant at) {
        long id = incidentIds.nextLongValue();
        jdbc.sql("""
                INSERT INTO flow_incident (id, flow_id, sla_state, detail, opened_at)
                VALUES (:id, :flow, :state, :detail, :at)""")
                .param("id", id).param("flow", flowId).param("state", state.name())
                .param("detail", detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail)
                .param("at", OwnershipRepository.utc(at)).update();
        return new FlowHealth.Incident(id, flowId, state, detail, at, null, null);
    }

    void resolve(long id, Instant at, String runId) {
        jdbc.sql("UPDATE flow_incident SET resolved_at = :at, resolved_by_run = :run WHERE id = :id")
                .param("at", OwnershipRepository.utc(at)).param("run", runId).param("id", id).update();
    }

    private static FlowHealth.Incident incident(ResultSet rs, int row) throws SQLException {
        return new FlowHealth.Incident(rs.getLong("id"), rs.getString("flow_id"),
                SlaState.valueOf(rs.getString("sla_state")), rs.getString("detail"), instant(rs, "opened_at"),
                instant(rs, "resolved_at"), rs.getString("resolved_by_run"));
    }

    private static FlowRun run(ResultSet rs, int row) throws SQLException {
        String versions = rs.getString("schema_versions");
        return new FlowRun(rs.getString("run_id"), rs.getString("flow_id"), instant(rs, "started_at"),
                instant(rs, "ended_at"), FlowRun.Status.valueOf(rs.getString("status")),
                new FlowRun.Counts(rs.getLong("received"), rs.getLong("accepted"), rs.getLong("rejected"),
                        rs.getLong("dead_lettered"), rs.getLong("replayed")),
                versions.isEmpty() ? List.of() : Arrays.asList(versions.split(" ")), rs.getString("reported_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
