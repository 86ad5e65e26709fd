package org.canonicalregistry.registry.schema;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.canonicalregistry.schema.SchemaReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Repository;

/**
 * Storage of schema versions and their references. Insert-only for content: there is deliberately no statement
 * that updates {@code canonical_json}, {@code fingerprint}, the version numbers or the references; only the lifecycle
 * columns (state, sunset, replacement, deprecation time) change, through {@link #updateLifecycle}.
 * Callers own the transaction.
 */
@Repository
class SchemaVersionRepository {

    private static final String COLUMNS = """
            v.global_id, v.entity_name, v.major, v.minor, v.canonical_json, v.fingerprint, v.state,
            v.sunset_date, v.replacement, v.deprecated_at, v.created_at, v.created_by, v.reason
            """;

    private static final int REFERENCE_BATCH = 500;

    private final JdbcClient jdbc;
    private final DataFieldMaxValueIncrementer globalIds;

    SchemaVersionRepository(JdbcClient jdbc, DataFieldMaxValueIncrementer schemaGlobalIds) {
        this.jdbc = jdbc;
        this.globalIds = schemaGlobalIds;
    }

    /** Next value of the global id sequence: unique, never reused (a rolled-back registration leaves a gap). */
    long nextGlobalId() {
        return globalIds.nextLongValue();
    }

    void insert(SchemaVersion v) {
        jdbc.sql("""
                INSERT INTO schema_version (global_id, entity_name, major, minor, canonical_json, fingerprint, state,
                                            sunset_date, replacement, created_at, created_by, reason)
                VALUES (:globalId, :entity, :major, :minor, :json, :fingerprint, :state,
                        :sunset, :replacement, :createdAt, :createdBy, :reason)
                """)
                .param("globalId", v.globalId())
                .param("entity", v.entity())
                .param("major", v.major())
                .param("minor", v.minor())
                .param("json", v.canonicalJson())
                .param("fingerprint", v.fingerprint())
                .param("state", v.state().name())
                .param("sunset", v.sunsetDate() == null ? null : Date.valueOf(v.sunsetDate()))
                .param("replacement", v.replacement())
                .param("createdAt", v.createdAt().atOffset(ZoneOffset.UTC))
                .param("createdBy", v.createdBy())
                .param("reason", v.reason())
                .update();
        for (SchemaReference r : v.references()) {
            jdbc.sql("""
                    INSERT INTO schema_reference (global_id, ref_entity, ref_major, ref_minor)
                    VALUES (:globalId, :entity, :major, :minor)
                    """)
                    .param("globalId", v.globalId())
                    .param("entity", r.entity())
                    .param("major", r.major())
                    .param("minor", r.minor())
                    .update();
        }
    }

    /** Moves a version's lifecycle; content columns are never touched. */
    boolean updateLifecycle(SchemaVersion v) {
        return jdbc.sql("""
                UPDATE schema_version SET state = :state, sunset_date = :sunset, replacement = :replacement,
                                          deprecated_at = :deprecatedAt
                WHERE global_id = :globalId
                """)
                .param("state", v.state().name())
                .param("sunset", v.sunsetDate() == null ? null : Date.valueOf(v.sunsetDate()))
                .param("replacement", v.replacement())
                .param("deprecatedAt", v.deprecatedAt() == null ? null : v.deprecatedAt().atOffset(ZoneOffset.UTC))
                .param("globalId", v.globalId())
                .update() == 1;
    }

    Optional<SchemaVersion> findByFingerprint(String entity, String fingerprint) {
        return one("v.entity_name = :entity AND v.fingerprint = :fingerprint",
                Map.of("entity", entity, "fingerprint", fingerprint));
    }

    Optional<SchemaVersion> find(String entity, int major, int minor) {
        return one("v.entity_name = :entity AND v.major = :major AND v.minor = :minor",
                Map.of("entity", entity, "major", major, "minor", minor));
    }

    Optional<SchemaVersion> findByGlobalId(long globalId) {
        return one("v.global_id = :globalId", Map.of("globalId", globalId));
    }

    /** Highest non-retired version, of one major line when {@code major} is not null. */
    Optional<SchemaVersion> findLatest(String entity, Integer major) {
        Map<String, Object> params = new HashMap<>();
        params.put("entity", entity);
        params.put("retired", SchemaState.RETIRED.name());
        String where = "v.entity_name = :entity AND v.state <> :retired";
        if (major != null) {
            where += " AND v.major = :major";
            params.put("major", major);
        }
        // ORDER BY + first row instead of LIMIT/FETCH FIRST: one spelling for every database.
        return select(where + " ORDER BY v.major DESC, v.minor DESC", params).stream().findFirst();
    }

    /** Every version of the entity, all states, ordered by major then minor. */
    List<SchemaVersion> list(String entity) {
        return select("v.entity_name = :entity ORDER BY v.major, v.minor", Map.of("entity", entity));
    }

    private Optional<SchemaVersion> one(String where, Map<String, ?> params) {
        return select(where, params).stream().findFirst();
    }

    private List<SchemaVersion> select(String whereAndOrder, Map<String, ?> params) {
        List<Row> rows = jdbc.sql("SELECT " + COLUMNS + " FROM schema_version v WHERE " + whereAndOrder)
                .params(params)
                .query(SchemaVersionRepository::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        // One query for every row's references (not one per row); bounded batches keep the IN list small.
        Map<Long, List<SchemaReference>> references = new HashMap<>();
        List<Long> ids = rows.stream().map(Row::globalId).toList();
        for (int from = 0; from < ids.size(); from += REFERENCE_BATCH) {
            jdbc.sql("SELECT global_id, ref_entity, ref_major, ref_minor FROM schema_reference WHERE global_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + REFERENCE_BATCH)))
                    .query((rs, n) -> references.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new SchemaReference(rs.getString(2), rs.getInt(3), rs.getInt(4))))
                    .list();
        }
        List<SchemaVersion> result = new ArrayList<>(rows.size());
        for (Row r : rows) {
            result.add(r.toVersion(references.getOrDefault(r.globalId, List.of())));
        }
        return result;
    }

    private record Row(long globalId, String entity, int major, int minor, String json, String fingerprint,
                       String state, Date sunset, String replacement, OffsetDateTime deprecatedAt,
                       OffsetDateTime createdAt, String createdBy, String reason) {
        SchemaVersion toVersion(List<SchemaReference> references) {
            return new SchemaVersion(entity, major, minor, globalId, json, fingerprint, SchemaState.valueOf(state),
                    sunset == null ? null : sunset.toLocalDate(), replacement,
                    deprecatedAt == null ? null : deprecatedAt.toInstant(), references, createdAt.toInstant(),
                    createdBy, reason == null ? "" : reason);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("global_id"), rs.getString("entity_name"), rs.getInt("major"), rs.getInt("minor"),
                rs.getString("canonical_json"), rs.getString("fingerprint"), rs.getString("state"),
                rs.getDate("sunset_date"), rs.getString("replacement"),
                rs.getObject("deprecated_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getString("reason"));
    }
}
