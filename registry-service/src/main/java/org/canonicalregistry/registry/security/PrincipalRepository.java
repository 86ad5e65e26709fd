package org.canonicalregistry.registry.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of principals, their roles (child table {@code principal_role}) and API tokens (only the SHA-256 of a
 * token is ever written). Plain SQL, portable between PostgreSQL and H2. Callers own the transaction.
 */
@Repository
class PrincipalRepository {

    private final JdbcClient jdbc;

    PrincipalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PrincipalAccount account) {
        Principal p = account.principal();
        jdbc.sql("""
                INSERT INTO principal (name, display_name, email, created_at, updated_at)
                VALUES (:name, :displayName, :email, :createdAt, :updatedAt)
                """)
                .param("name", p.name())
                .param("displayName", p.displayName())
                .param("email", p.email(), Types.VARCHAR)
                .param("createdAt", utc(account.createdAt()))
                .param("updatedAt", utc(account.updatedAt()))
                .update();
        insertRoles(p.name(), p.roles());
    }

    /** Replaces display name, email and roles; false when no such principal exists. */
    boolean update(PrincipalAccount account) {
        Principal p = account.principal();
        int rows = jdbc.sql("""
                UPDATE principal SET display_name = :displayName, email = :email, updated_at = :updatedAt
                 WHERE name = :name
                """)
                .param("name", p.name())
                .param("displayName", p.displayName())
                .param("email", p.email(), Types.VARCHAR)
                .param("updatedAt", utc(account.updatedAt()))
                .update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM principal_role WHERE principal_name = :name").param("name", p.name()).update();
        insertRoles(p.name(), p.roles());
        return true;
    }

    private void insertRoles(String name, Set<Role> roles) {
        for (Role role : roles) {
            jdbc.sql("INSERT INTO principal_role (principal_name, role) VALUES (:name, :role)")
                    .param("name", name)
                    .param("role", role.name())
                    .update();
        }
    }

    Optional<PrincipalAccount> find(String name) {
        return query("WHERE p.name = :name", Map.of("name", name)).stream().findFirst();
    }

    /** Every principal, ordered by name. */
    List<PrincipalAccount> list() {
        return query("", Map.of());
    }

    boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM principal_role WHERE role = :role")
                .param("role", role.name()).query(Long.class).single() > 0;
    }

    private List<PrincipalAccount> query(String where, Map<String, ?> params) {
        List<Object[]> rows = jdbc.sql("SELECT p.name, p.display_name, p.email, p.created_at, p.updated_at "
                        + "FROM principal p " + where + " ORDER BY p.name")
                .params(params)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4), instant(rs, 5)})
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql("SELECT r.principal_name, r.role FROM principal_role r JOIN principal p ON p.name = r.principal_name "
                        + where)
                .params(params)
                .query((rs, n) -> roles.computeIfAbsent(rs.getString(1), k -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString(2))))
                .list();
        List<PrincipalAccount> result = new ArrayList<>();
        for (Object[] r : rows) {
            String name = (String) r[0];
            result.add(new PrincipalAccount(new Principal(name, (String) r[1], (String) r[2],
                    roles.getOrDefault(name, Set.of())), (Instant) r[3], (Instant) r[4]));
        }
        return result;
    }

    // ---------------------------------------------------------------- tokens

    void insertToken(ApiToken token, String hash) {
        jdbc.sql("""
                INSERT INTO api_token (id, principal_name, label, token_hash, created_at, expires_at, revoked_at)
                VALUES (:id, :principal, :label, :hash, :createdAt, :expiresAt, NULL)
                """)
                .param("id", token.id())
                .param("principal", token.principal())
                .param("label", token.label())
                .param("hash", hash)
                .param("createdAt", utc(token.createdAt()))
                .param("expiresAt", utc(token.expiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
    }

    Optional<ApiToken> findTokenByHash(String hash) {
        return jdbc.sql(TOKEN_SELECT + " WHERE token_hash = :hash").param("hash", hash)
                .query(PrincipalRepository::token).optional();
    }

    Optional<ApiToken> findToken(String principal, String id) {
        return jdbc.sql(TOKEN_SELECT + " WHERE principal_name = :principal AND id = :id")
                .param("principal", principal).param("id", id)
                .query(PrincipalRepository::token).optional();
    }

    /** Newest first. */
    List<ApiToken> tokens(String principal) {
        return jdbc.sql(TOKEN_SELECT + " WHERE principal_name = :principal ORDER BY created_at DESC, id")
                .param("principal", principal)
                .query(PrincipalRepository::token).list();
    }

    void revokeToken(String id, Instant at) {
        jdbc.sql("UPDATE api_token SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                .param("id", id).param("at", utc(at)).update();
    }

    private static final String TOKEN_SELECT =
            "SELECT id, principal_name, label, created_at, expires_at, revoked_at FROM api_token";

    private static ApiToken token(ResultSet rs, int n) throws SQLException {
        return new ApiToken(rs.getString("id"), rs.getString("principal_name"), rs.getString("label"),
                instant(rs, 4), instant(rs, 5), instant(rs, 6));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
