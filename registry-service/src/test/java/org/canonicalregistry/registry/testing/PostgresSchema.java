package org.canonicalregistry.registry.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh, randomly named PostgreSQL schema in the test database, dropped (with everything in it) by
 * {@link #close()}. {@link #jdbcUrl()} points at it through {@code currentSchema=}, so anything connecting with
 * that URL (Spring's datasource, Liquibase) creates its tables there and nowhere else.
 *
 * <p>The server comes from env {@code REGISTRY_TEST_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code REGISTRY_TEST_PG_USER} (default {@code postgres}), {@code REGISTRY_TEST_PG_PASSWORD} (default empty).
 */
public record PostgresSchema(String name, String jdbcUrl, String user, String password) implements AutoCloseable {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    public PostgresSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    static String serverUrl() {
        return env("REGISTRY_TEST_PG_URL", DEFAULT_URL);
    }

    static String serverUser() {
        return env("REGISTRY_TEST_PG_USER", "postgres");
    }

    static String serverPassword() {
        return env("REGISTRY_TEST_PG_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Creates a new empty schema. Fails with {@link PostgresUnavailableException} when the server cannot be reached.
     */
    public static PostgresSchema create() {
        String name = "t_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        try (Connection c = DriverManager.getConnection(serverUrl(), serverUser(), serverPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new PostgresUnavailableException(serverUrl(), e);
        }
        String base = serverUrl();
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
        return new PostgresSchema(name, url, serverUser(), serverPassword());
    }

    /** A new connection to this schema (caller closes it). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** An unpooled data source on this schema: each {@code getConnection} opens a new connection. */
    public DataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(jdbcUrl, user, password);
        ds.setDriverClassName("org.postgresql.Driver");
        return ds;
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl(), serverUser(), serverPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + name, e);
        }
    }
}
