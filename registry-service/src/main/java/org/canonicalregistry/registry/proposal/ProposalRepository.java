package org.canonicalregistry.registry.proposal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.canonicalregistry.registry.storage.DatabaseSequences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage of change proposals and their history. The computed parts (references, verdict, impact, approvals) are
 * JSON documents in their row: they are read and written whole, always with the proposal. Callers own the
 * transaction.
 */
@Repository
class ProposalRepository {

    private static final String COLUMNS = """
            id, entity_name, state, proposer, summary, reason, target_major, base_version, proposed_major,
            proposed_minor, breaking, canonical_json, fingerprint, references_json, verdict_json, impact_json,
            approvals_json, published_global_id, published_version, created_at, updated_at
            """;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<ImpactedFlow>> FLOWS = new TypeReference<>() { };
    private static final TypeReference<List<RequiredApproval>> APPROVALS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DataFieldMaxValueIncrementer ids;

    ProposalRepository(JdbcClient jdbc, JsonMapper json, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.json = json;
        this.ids = DatabaseSequences.incrementer(dataSource, "change_proposal_id_seq");
    }

    long nextId() {
        return ids.nextLongValue();
    }

    void insert(ChangeProposal p) {
        jdbc.sql("INSERT INTO change_proposal (" + COLUMNS + """
                ) VALUES (:id, :entity, :state, :proposer, :summary, :reason, :targetMajor, :baseVersion,
                          :proposedMajor, :proposedMinor, :breaking, :json, :fingerprint, :references, :verdict,
                          :impact, :approvals, :publishedGlobalId, :publishedVersion, :createdAt, :updatedAt)
                """)
                .params(params(p))
                .update();
    }

    void update(ChangeProposal p) {
        jdbc.sql("""
                UPDATE change_proposal SET state = :state, base_version = :baseVersion, proposed_major = :proposedMajor,
                       proposed_minor = :proposedMinor, breaking = :breaking, verdict_json = :verdict,
                       impact_json = :impact, approvals_json = :approvals, published_global_id = :publishedGlobalId,
                       published_version = :publishedVersion, updated_at = :updatedAt
                WHERE id = :id
                """)
                .params(params(p))
                .update();
    }

    Optional<ChangeProposal> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM change_proposal WHERE id = :id")
                .param("id", id).query(this::row).optional();
    }

    /** The proposal, its row locked for the rest of the transaction. */
    Optional<ChangeProposal> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM change_proposal WHERE id = :id FOR UPDATE")
                .param("id", id).query(this::row).optional();
    }

    /** Undecided (OPEN, APPROVED, STALE) proposals of one entity, oldest first. */
    List<ChangeProposal> undecided(String entity) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM change_proposal WHERE entity_name = :entity"
                        + " AND state IN ('OPEN', 'APPROVED', 'STALE') ORDER BY id")
                .param("entity", entity).query(this::row).list();
    }

    /** Newest first, at most {@code limit} ({@code Integer.MAX_VALUE}: all); null filters match everything. */
    List<ChangeProposal> list(ProposalState state, String entity, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (state != null) {
            where.append(" AND state = :state");
            params.put("state", state.name());
        }
        if (entity != null) {
            where.append(" AND entity_name = :entity");
            params.put("entity", entity);
        }
        String fetch = limit == Integer.MAX_VALUE ? "" : " FETCH FIRST " + limit + " ROWS ONLY";
        return jdbc.sql("SELECT " + COLUMNS + " FROM change_proposal" + where + " ORDER BY id DESC" + fetch)
                .params(params).query(this::row).list();
    }

    /** Appends {@code step} as the next entry of the proposal's history; callers hold the proposal's row lock. */
    void append(long proposalId, HistoryStep step) {
        jdbc.sql("""
                INSERT INTO proposal_history (proposal_id, seq, at, actor, action, state, as_admin, comment)
                SELECT :proposalId, COALESCE(MAX(seq), 0) + 1, :at, :actor, :action, :state, :asAdmin, :comment
                FROM proposal_history WHERE proposal_id = :proposalId
                """)
                .param("proposalId", proposalId)
                .param("at", step.at().atOffset(ZoneOffset.UTC))
                .param("actor", step.actor())
                .param("action", step.action().name())
                .param("state", step.state().name())
                .param("asAdmin", step.asAdmin())
                .param("comment", step.comment())
                .update();
    }

    List<HistoryEntry> history(long proposalId) {
        return jdbc.sql("""
                SELECT seq, at, actor, action, state, as_admin, comment FROM proposal_history
                WHERE proposal_id = :id ORDER BY seq
                """)
                .param("id", proposalId)
                .query((rs, n) -> new HistoryEntry(rs.getInt("seq"), instant(rs, "at"), rs.getString("actor"),
                        HistoryEntry.Action.valueOf(rs.getString("action")), ProposalState.valueOf(rs.getString("state")),
                        rs.getBoolean("as_admin"), rs.getString("comment")))
                .list();
    }

    private Map<String, Object> params(ChangeProposal p) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", p.id());
        m.put("entity", p.entity());
        m.put("state", p.state().name());
        m.put("proposer", p.proposer());
        m.put("summary", p.summary());
        m.put("reason", p.reason());
        m.put("targetMajor", p.targetMajor());
        m.put("baseVersion", p.baseVersion());
        m.put("proposedMajor", p.proposedMajor());
        m.put("proposedMinor", p.proposedMinor());
        m.put("breaking", p.breaking());
        m.put("json", p.canonicalJson());
        m.put("fingerprint", p.fingerprint());
        m.put("references", json.writeValueAsString(p.references()));
        m.put("verdict", p.verdictJson());
        m.put("impact", json.writeValueAsString(p.impact()));
        m.put("approvals", json.writeValueAsString(p.approvals()));
        m.put("publishedGlobalId", p.publishedGlobalId());
        m.put("publishedVersion", p.publishedVersion());
        m.put("createdAt", p.createdAt().atOffset(ZoneOffset.UTC));
        m.put("updatedAt", p.updatedAt().atOffset(ZoneOffset.UTC));
        return m;
    }

    private ChangeProposal row(ResultSet rs, int n) throws SQLException {
        long published = rs.getLong("published_global_id");
        Long publishedGlobalId = rs.wasNull() ? null : published;
        int target = rs.getInt("target_major");
        Integer targetMajor = rs.wasNull() ? null : target;
        return new ChangeProposal(rs.getLong("id"), rs.getString("entity_name"),
                ProposalState.valueOf(rs.getString("state")), rs.getString("proposer"), rs.getString("summary"),
                rs.getString("reason"), targetMajor, rs.getString("base_version"), rs.getInt("proposed_major"),
                rs.getInt("proposed_minor"), rs.getBoolean("breaking"), rs.getString("canonical_json"),
                rs.getString("fingerprint"), json.readValue(rs.getString("references_json"), STRINGS),
                rs.getString("verdict_json"), json.readValue(rs.getString("impact_json"), FLOWS),
                json.readValue(rs.getString("approvals_json"), APPROVALS), publishedGlobalId,
                rs.getString("published_version"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
