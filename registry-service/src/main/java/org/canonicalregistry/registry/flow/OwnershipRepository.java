package org.canonicalregistry.registry.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of systems, systems of record and flows. Plain SQL, portable between PostgreSQL and H2; callers own the
 * transaction and take {@link #lockLandscape()} before any write, so the cross-record rules judge a serial history.
 */
@Repository
class OwnershipRepository {

    private final JdbcClient jdbc;

    OwnershipRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks other landscape writers until this transaction ends. */
    void lockLandscape() {
        jdbc.sql("SELECT name FROM ownership_lock WHERE name = 'landscape' FOR UPDATE").query(String.class).single();
    }

    Landscape load() {
        return new Landscape(systems(), systemsOfRecord(null), flows());
    }

    // ---------------------------------------------------------------- systems

    List<ConnectedSystem> systems() {
        return jdbc.sql("SELECT * FROM connected_system ORDER BY code").query(OwnershipRepository::system).list();
    }

    Optional<ConnectedSystem> system(String code) {
        return jdbc.sql("SELECT * FROM connected_system WHERE code = :code").param("code", code)
                .query(OwnershipRepository::system).optional();
    }

    void upsert(ConnectedSystem s, Instant at) {
        int rows = jdbc.sql("""
                UPDATE connected_system SET name = :name, kind = :kind, owner_team = :team, description = :description,
                       lifecycle = :lifecycle, updated_at = :at WHERE code = :code""")
                .params(systemParams(s, at)).update();
        if (rows == 0) {
            jdbc.sql("""
                    INSERT INTO connected_system (code, name, kind, owner_team, description, lifecycle, updated_at)
                    VALUES (:code, :name, :kind, :team, :description, :lifecycle, :at)""")
                    .params(systemParams(s, at)).update();
        }
    }

    void deleteSystem(String code) {
        jdbc.sql("DELETE FROM connected_system WHERE code = :code").param("code", code).update();
    }

    private static java.util.Map<String, Object> systemParams(ConnectedSystem s, Instant at) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("code", s.code());
        p.put("name", s.name());
        p.put("kind", s.kind().name());
        p.put("team", s.ownerTeam());
        p.put("description", s.description());
        p.put("lifecycle", s.lifecycle().name());
        p.put("at", utc(at));
        return p;
    }

    private static ConnectedSystem system(ResultSet rs, int row) throws SQLException {
        return new ConnectedSystem(rs.getString("code"), rs.getString("name"),
                ConnectedSystem.Kind.valueOf(rs.getString("kind")), rs.getString("owner_team"),
                rs.getString("description"), Lifecycle.valueOf(rs.getString("lifecycle")));
    }

    // ---------------------------------------------------------------- systems of record

    /** @param entity null for all */
    List<SystemOfRecord> systemsOfRecord(String entity) {
        String where = entity == null ? "" : " WHERE entity_name = :entity";
        var spec = jdbc.sql("SELECT * FROM system_of_record" + where + " ORDER BY entity_name, system_code");
        if (entity != null) {
            spec = spec.param("entity", entity);
        }
        return spec.query(OwnershipRepository::systemOfRecord).list();
    }

    void upsert(SystemOfRecord s, Instant at) {
        deleteSystemOfRecord(s.entity(), s.system());
        jdbc.sql("""
                INSERT INTO system_of_record (entity_name, system_code, role, scope, source_rank, updated_at)
                VALUES (:entity, :system, :role, :scope, :rank, :at)""")
                .param("entity", s.entity())
                .param("system", s.system())
                .param("role", s.role().name())
                .param("scope", String.join(" ", s.scope()))
                .param("rank", s.rank())
                .param("at", utc(at))
                .update();
    }

    boolean deleteSystemOfRecord(String entity, String system) {
        return jdbc.sql("DELETE FROM system_of_record WHERE entity_name = :entity AND system_code = :system")
                .param("entity", entity).param("system", system).update() > 0;
    }

    private static SystemOfRecord systemOfRecord(ResultSet rs, int row) throws SQLException {
        String scope = rs.getString("scope");
        int stored = rs.getInt("source_rank");
        Integer rank = rs.wasNull() ? null : stored;
        return new SystemOfRecord(rs.getString("entity_name"), rs.getString("system_code"),
                SystemOfRecord.Role.valueOf(rs.getString("role")),
                scope.isEmpty() ? List.of() : Arrays.asList(scope.split(" ")), rank);
    }

    // ---------------------------------------------------------------- flows

    List<DataFlow> flows() {
        return jdbc.sql("SELECT * FROM data_flow ORDER BY id").query(OwnershipRepository::flow).list();
    }

    Optional<DataFlow> flow(String id) {
        return jdbc.sql("SELECT * FROM data_flow WHERE id = :id").param("id", id)
                .query(OwnershipRepository::flow).optional();
    }

    /** Takes the flow's row lock (runs and the SLA monitor of one flow go one after the other). */
    Optional<DataFlow> lockFlow(String id) {
        return jdbc.sql("SELECT * FROM data_flow WHERE id = :id FOR UPDATE").param("id", id)
                .query(OwnershipRepository::flow).optional();
    }

    void upsert(DataFlow f, Instant at) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", f.id());
        p.put("name", f.name());
        p.put("entity", f.entity());
        p.put("major", f.consumesMajor());
        p.put("source", f.source());
        p.put("target", f.target());
        p.put("triggerType", f.trigger().type().name());
        p.put("triggerExpression", f.trigger().expression());
        p.put("owner", f.owner());
        p.put("maxRetries", f.delivery().maxRetries());
        p.put("backoff", f.delivery().backoff().toString());
        p.put("dlq", f.delivery().deadLetterChannel());
        p.put("replayable", f.delivery().replayable());
        p.put("maxAge", f.freshness().maxAge() == null ? null : f.freshness().maxAge().toString());
        p.put("dailyBy", f.freshness().dailyBy() == null ? null : f.freshness().dailyBy().toString());
        p.put("lifecycle", f.lifecycle().name());
        p.put("at", utc(at));
        int rows = jdbc.sql("""
                UPDATE data_flow SET name = :name, entity_name = :entity, consumes_major = :major,
                       source_system = :source, target_system = :target, trigger_type = :triggerType,
                       trigger_expression = :triggerExpression, owner = :owner, max_retries = :maxRetries,
                       backoff = :backoff, dead_letter_channel = :dlq, replayable = :replayable,
                       sla_max_age = :maxAge, sla_daily_by = :dailyBy, lifecycle = :lifecycle, updated_at = :at
                 WHERE id = :id""").params(p).update();
        if (rows == 0) {
            jdbc.sql("""
                    INSERT INTO data_flow (id, name, entity_name, consumes_major, source_system, target_system,
                                           trigger_type, trigger_expression, owner, max_retries, backoff,
                                           dead_letter_channel, replayable, sla_max_age, sla_daily_by, lifecycle,
                                           updated_at)
                    VALUES (:id, :name, :entity, :major, :source, :target, :triggerType, :triggerExpression, :owner,
                            :maxRetries, :backoff, :dlq, :replayable, :maxAge, :dailyBy, :lifecycle, :at)""")
                    .params(p).update();
        }
    }

    void deleteFlow(String id) {
        jdbc.sql("DELETE FROM data_flow WHERE id = :id").param("id", id).update();
    }

    private static DataFlow flow(ResultSet rs, int row) throws SQLException {
        String maxAge = rs.getString("sla_max_age");
        String dailyBy = rs.getString("sla_daily_by");
        return new DataFlow(rs.getString("id"), rs.getString("name"), rs.getString("entity_name"),
                rs.getInt("consumes_major"), rs.getString("source_system"), rs.getString("target_system"),
                new DataFlow.Trigger(DataFlow.Trigger.Type.valueOf(rs.getString("trigger_type")),
                        rs.getString("trigger_expression")),
                rs.getString("owner"),
                new DataFlow.Delivery(rs.getInt("max_retries"), Duration.parse(rs.getString("backoff")),
                        rs.getString("dead_letter_channel"), rs.getBoolean("replayable")),
                new DataFlow.Freshness(maxAge == null ? null : Duration.parse(maxAge),
                        dailyBy == null ? null : LocalTime.parse(dailyBy)),
                Lifecycle.valueOf(rs.getString("lifecycle")));
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
