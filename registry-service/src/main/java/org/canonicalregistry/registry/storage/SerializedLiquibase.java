package org.canonicalregistry.registry.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;

/**
 * Liquibase, made safe for several registry instances starting at once on one database.
 *
 * <p>Liquibase takes its DATABASECHANGELOGLOCK only after it has created its own tables, so two instances on an
 * empty PostgreSQL schema race on {@code CREATE TABLE databasechangelog} and one fails to start (seen with 5.0.3:
 * "duplicate key value violates unique constraint pg_type_typname_nsp_index"). This runner first takes a
 * session-level PostgreSQL advisory lock keyed by the current schema, so the first instance migrates while the
 * others wait and then find nothing to do; Liquibase's own lock still guards everything after that. On other
 * databases (H2: one process per file database) a JVM-wide lock serialises contexts in the same process.
 */
class SerializedLiquibase extends SpringLiquibase {

    private static final Object IN_PROCESS = new Object();

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
        synchronized (IN_PROCESS) {
            try (Connection lockConnection = getDataSource().getConnection()) {
                boolean postgres = lockConnection.getMetaData().getDatabaseProductName()
                        .toLowerCase(Locale.ROOT).contains("postgres");
                long key = postgres ? lockKey(lockConnection) : 0;
                if (postgres) {
                    advisory(lockConnection, "SELECT pg_advisory_lock(?)", key);
                }
                try {
                    super.afterPropertiesSet();
                } finally {
                    if (postgres) {
                        advisory(lockConnection, "SELECT pg_advisory_unlock(?)", key);
                    }
                }
            } catch (SQLException e) {
                throw new LiquibaseException("could not take the migration lock: " + e.getMessage(), e);
            }
        }
    }

    /** One key per schema: instances on different schemas of one database do not wait for each other. */
    private static long lockKey(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT current_schema()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return ("canonical-registry-liquibase:" + rs.getString(1)).hashCode();
        }
    }

    private static void advisory(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, key);
            s.execute();
        }
    }
}
