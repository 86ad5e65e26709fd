package org.canonicalregistry.registry.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.problem.EntityAlreadyExistsException;
import org.canonicalregistry.registry.problem.EntityNotFoundException;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EntityServiceIT {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(T0);
        }
    }

    @Autowired
    EntityService entities;

    @Autowired
    TestClock clock;

    @Test
    void createdEntityReadsBackWithDefaultsAndSortedOwners() {
        Entity created = entities.create(Principal.SYSTEM, new NewEntity("customer-account", "sales", "Accounts", Set.of("zoe", "amy"),
                null, null, "crm"));

        Entity read = entities.get("customer-account");
        assertThat(read).isEqualTo(created);
        assertThat(read.owners()).containsExactly("amy", "zoe");
        assertThat(read.compatibilityMode()).isEqualTo(CompatibilityMode.BACKWARD_TRANSITIVE);
        assertThat(read.compatibilityPolicy()).isEqualTo(CompatibilityPolicy.STRICT);
        assertThat(read.systemOfRecord()).isEqualTo("crm");
        assertThat(read.createdAt()).isEqualTo(read.updatedAt()).isBeforeOrEqualTo(clock.instant());
    }

    @Test
    void secondEntityWithTheSameNameIsAConflict() {
        entities.create(Principal.SYSTEM, NewEntity.of("duplicate", "sales"));

        assertThatThrownBy(() -> entities.create(Principal.SYSTEM, NewEntity.of("duplicate", "finance")))
                .isInstanceOf(EntityAlreadyExistsException.class)
                .hasMessageContaining("'duplicate'")
                .extracting(e -> ((RegistryException) e).problemType()).isEqualTo(ProblemType.ENTITY_ALREADY_EXISTS);
        assertThat(entities.get("duplicate").domain()).isEqualTo("sales");
    }

    @Test
    void listFiltersByDomainAndOwner() {
        entities.create(Principal.SYSTEM, new NewEntity("filter-a", "filter-x", null, Set.of("ann", "bob"), null, null, null));
        entities.create(Principal.SYSTEM, new NewEntity("filter-b", "filter-x", null, Set.of("bob"), null, null, null));
        entities.create(Principal.SYSTEM, new NewEntity("filter-c", "filter-y", null, Set.of("ann"), null, null, null));

        assertThat(entities.list("filter-x", null)).extracting(Entity::name).containsExactly("filter-a", "filter-b");
        assertThat(entities.list(null, "ann")).extracting(Entity::name).containsExactly("filter-a", "filter-c");
        assertThat(entities.list("filter-x", "ann")).extracting(Entity::name).containsExactly("filter-a");
        assertThat(entities.list("filter-z", null)).isEmpty();
        assertThat(entities.list(null, null)).extracting(Entity::name).contains("filter-a", "filter-b", "filter-c");
        // owners come back complete even when the filter matched only one of them
        assertThat(entities.list(null, "bob").get(0).owners()).containsExactly("ann", "bob");
    }

    @Test
    void updateReplacesMutableFieldsAndKeepsCreationTime() {
        Entity created = entities.create(Principal.SYSTEM, new NewEntity("updatable", "sales", "old", Set.of("ann"), null, null, "crm"));
        clock.advance(Duration.ofMinutes(5));

        Entity updated = entities.update(Principal.SYSTEM, "updatable", new EntityChanges("finance", "new", Set.of("cid", "bob"),
                CompatibilityMode.FULL, CompatibilityPolicy.LENIENT, null));

        assertThat(entities.get("updatable")).isEqualTo(updated);
        assertThat(updated.owners()).containsExactly("bob", "cid");
        assertThat(updated.domain()).isEqualTo("finance");
        assertThat(updated.systemOfRecord()).isNull();
        assertThat(updated.compatibilityMode()).isEqualTo(CompatibilityMode.FULL);
        assertThat(updated.compatibilityPolicy()).isEqualTo(CompatibilityPolicy.LENIENT);
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(created.createdAt().plus(Duration.ofMinutes(5)));
    }

    @Test
    void unknownEntityIsNotFoundOnGetAndUpdateAndEmptyOnFind() {
        assertThatThrownBy(() -> entities.get("no-such-entity"))
                .isInstanceOf(EntityNotFoundException.class).hasMessageContaining("'no-such-entity'");
        assertThatThrownBy(() -> entities.update(Principal.SYSTEM, "no-such-entity", new EntityChanges("sales", null, null, null, null, null)))
                .isInstanceOf(EntityNotFoundException.class);
        assertThat(entities.find("no-such-entity")).isEmpty();
        assertThat(entities.find("x".repeat(5000))).isEmpty();
    }
}
