package org.canonicalregistry.registry.testing;

/** The test PostgreSQL server could not be reached; the message says what to start. */
public class PostgresUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PostgresUnavailableException(String url, Throwable cause) {
        super("PostgreSQL is not reachable at " + url + " (expected at 127.0.0.1:5432, database 'test', user 'postgres', "
                + "trust auth; override with REGISTRY_TEST_PG_URL / REGISTRY_TEST_PG_USER). Start it, e.g. "
                + "`pg_ctlcluster --skip-systemctl-redirect <version> main start` (see `pg_lsclusters`), or run `bash .ci/run`. "
                + "Cause: " + cause.getMessage(), cause);
    }
}
