package org.canonicalregistry.registry.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.datasource.hikari.maximum-pool-size=17")
class ConcurrentRegistrationIT {

    static final int THREADS = 16;

    @Autowired
    SchemaVersionService versions;

    @Autowired
    EntityService entities;

    @Test
    void sixteenConcurrentRegistrationsForOneEntityGetGapFreeUniqueVersions() throws Exception {
        // Mode NONE: this race is about numbering; compatibility under the lock is CompatibilityRegistrationIT's.
        entities.create(Principal.SYSTEM, new NewEntity("contended", "test", null, null, CompatibilityMode.NONE, null, null));
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<RegistrationResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                byte[] schema = ("{\"type\":\"object\",\"properties\":{\"p" + i + "\":{\"type\":\"string\"}}}").getBytes(UTF_8);
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return versions.register("contended", schema, false, "race", "racer");
                }));
            }
            List<SchemaVersion> registered = new ArrayList<>();
            for (Future<RegistrationResult> f : futures) {
                RegistrationResult r = f.get(60, TimeUnit.SECONDS);
                assertThat(r).isInstanceOf(RegistrationResult.Created.class);
                registered.add(r.version());
            }

            assertThat(registered).extracting(SchemaVersion::version)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, THREADS).mapToObj(m -> "1." + m).toList());
            assertThat(registered.stream().map(SchemaVersion::globalId).distinct()).hasSize(THREADS);
            assertThat(versions.list("contended")).extracting(SchemaVersion::globalId)
                    .containsExactlyInAnyOrderElementsOf(registered.stream().map(SchemaVersion::globalId).toList());
            assertThat(Set.copyOf(registered.stream().map(SchemaVersion::fingerprint).toList())).hasSize(THREADS);
        } finally {
            pool.shutdownNow();
        }
    }
}
