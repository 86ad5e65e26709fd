package org.canonicalregistry.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.PostgresSchema;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several registry instances starting together on one empty database: Liquibase's lock must let exactly one apply
 * the changelog while the others wait and then find nothing to do. (Plain {@code SpringLiquibase} fails this test:
 * Liquibase creates its tables before it takes its lock.)
 */
@FreshPostgresSchema
class LiquibaseLockIT {

    static final int INSTANCES = 4;
    static final String CHANGELOG = MigrationConfiguration.CHANGELOG;

    @Test
    void concurrentMigrationsOnOneEmptySchemaAllSucceedAndApplyEachChangesetOnce(PostgresSchema schema) throws Exception {
        CyclicBarrier start = new CyclicBarrier(INSTANCES);
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                runs.add(pool.submit(() -> {
                    SerializedLiquibase liquibase = new SerializedLiquibase();
                    liquibase.setDataSource(schema.dataSource());
                    liquibase.setChangeLog(CHANGELOG);
                    liquibase.setResourceLoader(new DefaultResourceLoader());
                    start.await(30, TimeUnit.SECONDS);
                    liquibase.afterPropertiesSet();
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        JdbcClient jdbc = JdbcClient.create(schema.dataSource());
        List<String> applied = jdbc.sql("SELECT id FROM databasechangelog ORDER BY orderexecuted").query(String.class).list();
        // Each changeset exactly once; features append their own changelogs after the core ones.
        assertThat(applied).doesNotHaveDuplicates()
                .startsWith("001-entity", "002-schema-version", "003-bootstrap-task")
                .contains("security-001-principal", "security-002-api-token", "security-003-bootstrap-admin-task");
        assertThat(jdbc.sql("SELECT name FROM bootstrap_task").query(String.class).list())
                .doesNotHaveDuplicates().contains("sample-import", "bootstrap-admin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM databasechangeloglock WHERE locked = TRUE").query(Long.class).single()).isZero();
    }
}
