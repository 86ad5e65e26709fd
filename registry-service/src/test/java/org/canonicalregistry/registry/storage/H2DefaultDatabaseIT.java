package org.canonicalregistry.registry.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.RegistryApplication;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.schema.RegistrationResult;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.schema.VersionSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The zero-setup default: no datasource configured, only {@code registry.data-dir}. The same changelog must run
 * on the H2 file database, the samples import, and the data survive a restart.
 */
class H2DefaultDatabaseIT {

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(RegistryApplication.class)
                .web(WebApplicationType.NONE)
                .run("--registry.data-dir=" + dataDir, "--registry.samples.enabled=true");
    }

    @Test
    void defaultH2FileDatabaseMigratesImportsSamplesAndKeepsDataAcrossRestarts(@TempDir Path dataDir) throws Exception {
        SchemaVersion registered;
        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(app.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:" + dataDir);
            EntityService entities = app.getBean(EntityService.class);
            SchemaVersionService versions = app.getBean(SchemaVersionService.class);
            assertThat(entities.count()).isEqualTo(4);
            assertThat(versions.get("invoice", VersionSelector.latest()).version()).isEqualTo("1.0");

            entities.create(Principal.SYSTEM, NewEntity.of("h2-entity", "test"));
            registered = versions.register("h2-entity", "{\"type\":\"object\"}".getBytes(UTF_8), false, null, "alice").version();
            RegistrationResult again = versions.register("h2-entity", "{ \"type\" : \"object\" }".getBytes(UTF_8), false, null, "bob");
            assertThat(again).isEqualTo(new RegistrationResult.AlreadyRegistered(registered));
            assertThat(versions.validate("h2-entity", VersionSelector.parse("1.0"), "[]".getBytes(UTF_8)).valid()).isFalse();
        }
        assertThat(Files.exists(dataDir.resolve("registry.mv.db"))).isTrue();

        try (ConfigurableApplicationContext app = start(dataDir)) {
            assertThat(app.getBean(EntityService.class).count()).isEqualTo(5);
            assertThat(app.getBean(SchemaVersionService.class).getByGlobalId(registered.globalId())).isEqualTo(registered);
        }
    }

    @Test
    void concurrentRegistrationsOnH2AreSerialisedToo(@TempDir Path dataDir) throws Exception {
        int threads = 6;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RegistryApplication.class)
                .web(WebApplicationType.NONE)
                .run("--registry.data-dir=" + dataDir, "--spring.datasource.hikari.maximum-pool-size=" + (threads + 1))) {
            // Mode NONE: the race is about numbering under H2's row lock, not about compatibility.
            app.getBean(EntityService.class).create(Principal.SYSTEM, 
                    new NewEntity("h2-contended", "test", null, null, CompatibilityMode.NONE, null, null));
            SchemaVersionService versions = app.getBean(SchemaVersionService.class);
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<RegistrationResult>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    byte[] schema = ("{\"type\":\"object\",\"required\":[\"p" + i + "\"]}").getBytes(UTF_8);
                    futures.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return versions.register("h2-contended", schema, false, null, "racer");
                    }));
                }
                List<String> numbers = new ArrayList<>();
                for (Future<RegistrationResult> f : futures) {
                    numbers.add(f.get(60, TimeUnit.SECONDS).version().version());
                }
                assertThat(numbers).containsExactlyInAnyOrder("1.0", "1.1", "1.2", "1.3", "1.4", "1.5");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
