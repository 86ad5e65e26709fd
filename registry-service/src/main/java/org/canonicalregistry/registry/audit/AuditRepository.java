package org.canonicalregistry.registry.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the audit chain ({@code audit_event}) and its head row ({@code audit_chain_head}). Callers own the transaction. */
@Repository
class AuditRepository {

    /** The chain head as stored: the last appended sequence number and hash (0 and the genesis hash when empty). */
    record ChainHead(long lastSequence, String lastHash) {
    }

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the head and locks its row until the transaction ends: every append goes through this one lock. */
    ChainHead lockHead() {
        return jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2).trim()))
                .single();
    }

    /** Reads the head without locking (verification). */
    ChainHead head() {
        return jdbc.sql("SELECT last_sequence, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2).trim()))
                .single();
    }

    void append(AuditEvent e) {
        jdbc.sql("""
                INSERT INTO audit_event (sequence, occurred_at, actor, action, target, before_fingerprint,
                                         after_fingerprint, previous_hash, hash)
                VALUES (:sequence, :occurredAt, :actor, :action, :target, :before, :after, :previousHash, :hash)
                """)
                .param("sequence", e.sequence())
                .param("occurredAt", utc(e.occurredAt()))
                .param("actor", e.actor())
                .param("action", e.action())
                .param("target", e.target())
                .param("before", e.beforeFingerprint())
                .param("after", e.afterFingerprint())
                .param("previousHash", e.previousHash())
                .param("hash", e.hash())
                .update();
        jdbc.sql("UPDATE audit_chain_head SET last_sequence = :sequence, last_hash = :hash WHERE id = 1")
                .param("sequence", e.sequence())
                .param("hash", e.hash())
                .update();
    }

    /** Events with {@code sequence > after}, oldest first, at most {@code limit}. */
    List<AuditEvent> chainAfter(long after, int limit) {
        return jdbc.sql("SELECT * FROM audit_event WHERE sequence > :after ORDER BY sequence LIMIT :limit")
                .param("after", after)
                .param("limit", limit)
                .query(AuditRepository::event)
                .list();
    }

    /** Events matching every non-null filter, newest first, at most {@code limit}. */
    List<AuditEvent> find(AuditQuery q, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.target() != null) {
            sql.append(" AND target = :target");
            params.put("target", q.target());
        }
        if (q.actor() != null) {
            sql.append(" AND actor = :actor");
            params.put("actor", q.actor());
        }
        if (q.action() != null) {
            sql.append(" AND action = :action");
            params.put("action", q.action());
        }
        if (q.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.put("from", utc(q.from()));
        }
        if (q.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.put("to", utc(q.to()));
        }
        if (q.before() != null) {
            sql.append(" AND sequence < :before");
            params.put("before", q.before());
        }
        sql.append(" ORDER BY sequence DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(AuditRepository::event).list();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getLong("sequence"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                rs.getString("before_fingerprint"), rs.getString("after_fingerprint"),
                rs.getString("previous_hash").trim(), rs.getString("hash").trim());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
