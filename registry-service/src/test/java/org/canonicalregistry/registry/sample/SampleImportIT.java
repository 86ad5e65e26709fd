package org.canonicalregistry.registry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.canonicalregistry.registry.RegistryApplication;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.schema.VersionSelector;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.PrincipalService;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.PostgresSchema;
import org.canonicalregistry.schema.SchemaReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first start on an empty database imports the shipped sample models; later starts leave the data alone. */
@FreshPostgresSchema
class SampleImportIT {

    static final List<String> SAMPLES = List.of("customer", "invoice", "order", "product");

    static ConfigurableApplicationContext start(PostgresSchema schema) {
        // Command-line arguments outrank the test-only config/application.yaml that turns samples off.
        return new SpringApplicationBuilder(RegistryApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + schema.jdbcUrl(),
                        "--spring.datasource.username=" + schema.user(),
                        "--spring.datasource.password=" + schema.password(),
                        "--spring.datasource.hikari.maximum-pool-size=3",
                        "--registry.samples.enabled=true");
    }

    @Test
    void firstStartImportsTheFourSamplesInReferenceOrderAndTheSecondStartSkips(PostgresSchema schema) {
        List<SchemaVersion> first;
        try (ConfigurableApplicationContext app = start(schema)) {
            EntityService entities = app.getBean(EntityService.class);
            SchemaVersionService versions = app.getBean(SchemaVersionService.class);

            assertThat(entities.list(null, null)).extracting(Entity::name).containsExactlyElementsOf(SAMPLES);
            first = SAMPLES.stream().map(e -> versions.get(e, VersionSelector.latest())).toList();
            assertThat(first).extracting(SchemaVersion::version).containsOnly("1.0");
            assertThat(first).extracting(SchemaVersion::createdBy).containsOnly(SampleImport.ACTOR);

            Map<String, Long> ids = new java.util.HashMap<>();
            first.forEach(v -> ids.put(v.entity(), v.globalId()));
            // referenced entities were registered first
            assertThat(ids.get("customer")).isLessThan(ids.get("order"));
            assertThat(ids.get("product")).isLessThan(ids.get("order"));
            assertThat(ids.get("order")).isLessThan(ids.get("invoice"));
            assertThat(versions.get("order", VersionSelector.latest()).references())
                    .contains(new SchemaReference("customer", 1, 0), new SchemaReference("product", 1, 0));

            // metadata from ownership/*.yaml
            Entity customer = entities.get("customer");
            assertThat(customer.domain()).isEqualTo("sales");
            assertThat(customer.owners()).containsExactly("anna.finance", "sam.sales");
            assertThat(customer.systemOfRecord()).isEqualTo("crm");
            assertThat(entities.get("invoice").compatibilityMode()).isEqualTo(CompatibilityMode.FULL_TRANSITIVE);
            assertThat(entities.get("invoice").systemOfRecord()).isEqualTo("billing");

            // every sample owner exists as a principal with role OWNER, named as in ownership/owners.yaml, no tokens
            PrincipalService principals = app.getBean(PrincipalService.class);
            Principal sam = principals.get(Principal.SYSTEM, "sam.sales").principal();
            assertThat(sam.roles()).containsExactly(Role.OWNER);
            assertThat(sam.displayName()).isEqualTo("Sam Okafor");
            assertThat(sam.email()).isEqualTo("sam.okafor@example.com");
            assertThat(entities.list(null, null).stream().flatMap(e -> e.owners().stream()))
                    .allSatisfy(owner -> assertThat(principals.find(owner)).as(owner).isPresent());
            assertThat(principals.tokens(Principal.SYSTEM, "sam.sales")).isEmpty();
        }

        try (ConfigurableApplicationContext again = start(schema)) {
            SchemaVersionService versions = again.getBean(SchemaVersionService.class);
            assertThat(again.getBean(EntityService.class).count()).isEqualTo(SAMPLES.size());
            assertThat(SAMPLES.stream().map(e -> versions.get(e, VersionSelector.latest())).toList()).isEqualTo(first);
            assertThat(again.getBean(SampleImport.class).importIfEmpty()).isInstanceOf(SampleImport.Skipped.class);
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM schema_version").query(Long.class).single()).isEqualTo(SAMPLES.size());
            // the bootstrap admin was made on the first start only
            assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single()).isEqualTo(1L);
        }
    }

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseImportOnce() throws Exception {
        // Two SpringApplications initialising Logback at the same instant in one JVM race inside Logback
        // ("Unable to find Spring Environment in logger context"); separate processes never share it. The race
        // under test is the database one, so these two keep the logging set up by the test JVM.
        String loggingSystem = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try (PostgresSchema empty = PostgresSchema.create()) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<ConfigurableApplicationContext> apps = new ArrayList<>();
            try {
                List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    starts.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return start(empty);
                    }));
                }
                for (Future<ConfigurableApplicationContext> s : starts) {
                    apps.add(s.get(180, TimeUnit.SECONDS));
                }
                JdbcClient jdbc = apps.get(0).getBean(JdbcClient.class);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM entity").query(Long.class).single()).isEqualTo(SAMPLES.size());
                assertThat(jdbc.sql("SELECT COUNT(*) FROM schema_version").query(Long.class).single()).isEqualTo(SAMPLES.size());
                assertThat(jdbc.sql("SELECT COUNT(*) FROM databasechangelog").query(Long.class).single())
                        .isEqualTo(jdbc.sql("SELECT COUNT(DISTINCT id) FROM databasechangelog").query(Long.class).single())
                        .isGreaterThanOrEqualTo(6L);
                // one bootstrap admin with one token, although both instances started on an empty database
                assertThat(jdbc.sql("SELECT COUNT(*) FROM principal_role WHERE role = 'ADMIN'").query(Long.class).single())
                        .isEqualTo(1L);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single()).isEqualTo(1L);
            } finally {
                apps.forEach(ConfigurableApplicationContext::close);
                pool.shutdownNow();
            }
        } finally {
            if (loggingSystem == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, loggingSystem);
            }
        }
    }
}
