package org.canonicalregistry.registry.entity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Storage of entities and their owners (child table {@code entity_owner}). Plain SQL, portable between
 * PostgreSQL and H2. Callers own the transaction.
 */
@Repository
class EntityRepository {

    private final JdbcClient jdbc;

    EntityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Entity e) {
        jdbc.sql("""
                INSERT INTO entity (name, domain, description, compatibility_mode, compatibility_policy,
                                    system_of_record, created_at, updated_at)
                VALUES (:name, :domain, :description, :mode, :policy, :sor, :createdAt, :updatedAt)
                """)
                .param("name", e.name())
                .param("domain", e.domain())
                .param("description", e.description())
                .param("mode", e.compatibilityMode().name())
                .param("policy", e.compatibilityPolicy().name())
                .param("sor", e.systemOfRecord())
                .param("createdAt", utc(e.createdAt()))
                .param("updatedAt", utc(e.updatedAt()))
                .update();
        insertOwners(e.name(), e.owners());
    }

    /** Changes the mutable columns; returns false when no such entity exists. The name never changes. */
    boolean update(Entity e) {
        int rows = jdbc.sql("""
                UPDATE entity
                   SET domain = :domain, description = :description, compatibility_mode = :mode,
                       compatibility_policy = :policy, system_of_record = :sor, updated_at = :updatedAt
                 WHERE name = :name
                """)
                .param("name", e.name())
                .param("domain", e.domain())
                .param("description", e.description())
                .param("mode", e.compatibilityMode().name())
                .param("policy", e.compatibilityPolicy().name())
                .param("sor", e.systemOfRecord())
                .param("updatedAt", utc(e.updatedAt()))
                .update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM entity_owner WHERE entity_name = :name").param("name", e.name()).update();
        insertOwners(e.name(), e.owners());
        return true;
    }

    private void insertOwners(String entity, Set<String> owners) {
        for (String owner : owners) {
            jdbc.sql("INSERT INTO entity_owner (entity_name, principal) VALUES (:entity, :principal)")
                    .param("entity", entity)
                    .param("principal", owner)
                    .update();
        }
    }

    Optional<Entity> find(String name) {
        return query("WHERE e.name = :name", Map.of("name", name)).stream().findFirst();
    }

    /**
     * Locks the entity row until the surrounding transaction ends ({@code SELECT … FOR UPDATE}: PostgreSQL and H2
     * both block a second locker), which serialises every writer of this entity's versions.
     *
     * @return false when no such entity exists
     */
    boolean lock(String name) {
        return jdbc.sql("SELECT name FROM entity WHERE name = :name FOR UPDATE")
                .param("name", name)
                .query(String.class)
                .optional()
                .isPresent();
    }

    /** Entities filtered by domain and owner (each null = any), ordered by name. */
    List<Entity> list(String domain, String owner) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (domain != null) {
            where.append(" AND e.domain = :domain");
            params.put("domain", domain);
        }
        if (owner != null) {
            where.append(" AND EXISTS (SELECT 1 FROM entity_owner f WHERE f.entity_name = e.name AND f.principal = :owner)");
            params.put("owner", owner);
        }
        return query(where.toString(), params);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM entity").query(Long.class).single();
    }

    private List<Entity> query(String where, Map<String, ?> params) {
        // One query for rows, one for owners: avoids an N+1 and keeps each statement trivially portable.
        List<Row> rows = jdbc.sql("""
                SELECT e.name, e.domain, e.description, e.compatibility_mode, e.compatibility_policy,
                       e.system_of_record, e.created_at, e.updated_at
                  FROM entity e
                """ + where + " ORDER BY e.name")
                .params(params)
                .query(EntityRepository::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Set<String>> owners = new HashMap<>();
        jdbc.sql("SELECT o.entity_name, o.principal FROM entity_owner o JOIN entity e ON e.name = o.entity_name " + where)
                .params(params)
                .query((rs, n) -> owners.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2)))
                .list();
        Map<String, Entity> result = new LinkedHashMap<>();
        for (Row r : rows) {
            result.put(r.name, new Entity(r.name, r.domain, r.description, owners.getOrDefault(r.name, Set.of()),
                    CompatibilityMode.valueOf(r.mode), CompatibilityPolicy.valueOf(r.policy), r.sor, r.createdAt, r.updatedAt));
        }
        return new ArrayList<>(result.values());
    }

    private record Row(String name, String domain, String description, String mode, String policy, String sor,
                       Instant createdAt, Instant updatedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("name"), rs.getString("domain"), rs.getString("description"),
                rs.getString("compatibility_mode"), rs.getString("compatibility_policy"), rs.getString("system_of_record"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
