package org.canonicalregistry.registry.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.canonicalregistry.registry.audit.AuditedChange;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityChanged;
import org.canonicalregistry.registry.entity.EntityChanges;
import org.canonicalregistry.registry.entity.EntityCreated;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The services' own decisions, below HTTP (so the console and start-up tasks get the same): who may change
 * principals, tokens and entities, and that every allowed change publishes exactly one audited change while a
 * refused one publishes none and stores nothing.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordApplicationEvents
class PrincipalServiceIT {

    static final Principal ADMIN = new Principal("root", "Root", null, Set.of(Role.ADMIN));
    static final Principal OWNER = new Principal("owen", "Owen", null, Set.of(Role.OWNER));
    static final Principal DEVELOPER = new Principal("dina", "Dina", null, Set.of(Role.DEVELOPER));

    @Autowired
    PrincipalService principals;

    @Autowired
    EntityService entities;

    @Autowired
    ApplicationEvents events;

    @Test
    void anAdminCreatesAPrincipalWithOneAuditedChange() {
        PrincipalAccount created = principals.create(ADMIN, new NewPrincipal("pia", "Pia", "pia@example.com",
                Set.of(Role.DEVELOPER)));

        assertThat(principals.get(ADMIN, "pia")).isEqualTo(created);
        assertThat(events.stream(AuditedChange.class)).singleElement().satisfies(change -> {
            assertThat(change).isInstanceOf(PrincipalCreated.class);
            assertThat(change.actor()).isEqualTo("root");
            assertThat(change.action()).isEqualTo("principal.created");
            assertThat(change.target()).isEqualTo("principal:pia");
            assertThat(change.beforeFingerprint()).isNull();
            assertThat(change.afterFingerprint()).matches("[0-9a-f]{64}");
        });
    }

    @Test
    void onlyAnAdminCreatesPrincipalsAndARefusalStoresAndPublishesNothing() {
        assertThatThrownBy(() -> principals.create(OWNER, new NewPrincipal("sneaky", null, null, Set.of(Role.ADMIN))))
                .isInstanceOf(RegistryException.class)
                .satisfies(e -> assertThat(((RegistryException) e).problemType()).isEqualTo(ProblemType.FORBIDDEN))
                .hasMessageContaining("'owen'").hasMessageContaining("ADMIN");
        assertThat(principals.find("sneaky")).isEmpty();
        assertThat(events.stream(AuditedChange.class)).isEmpty();
    }

    @Test
    void rolesChangeOnlyByAnAdminEvenForOneself() {
        principals.create(ADMIN, new NewPrincipal("dina", "Dina", null, Set.of(Role.DEVELOPER)));
        events.clear();

        assertThatThrownBy(() -> principals.update(DEVELOPER, "dina", new PrincipalChanges(null, null, Set.of(Role.ADMIN))))
                .isInstanceOf(RegistryException.class).hasMessageContaining("roles");
        assertThat(principals.get(ADMIN, "dina").principal().roles()).containsExactly(Role.DEVELOPER);
        assertThat(events.stream(AuditedChange.class)).isEmpty();

        principals.update(ADMIN, "dina", new PrincipalChanges(null, null, Set.of(Role.DEVELOPER, Role.OWNER)));
        assertThat(principals.get(ADMIN, "dina").principal().roles()).containsExactlyInAnyOrder(Role.DEVELOPER, Role.OWNER);
        assertThat(events.stream(PrincipalChanged.class)).singleElement()
                .satisfies(c -> assertThat(c.rolesAfter()).containsExactlyInAnyOrder(Role.DEVELOPER, Role.OWNER));
    }

    @Test
    void aTokenIsIssuedOnceRevokedOnceAndNeverAppearsInEventsOrToString() {
        principals.create(ADMIN, new NewPrincipal("tom", null, null, Set.of(Role.READER)));
        Principal tom = principals.get(ADMIN, "tom").principal();
        events.clear();

        IssuedToken issued = principals.issueToken(tom, "tom", "cli", null);

        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(events.stream(TokenIssued.class)).singleElement()
                .satisfies(e -> assertThat(e.toString()).doesNotContain(issued.token().substring(4)));
        assertThat(principals.authenticate(issued.token())).isInstanceOf(PrincipalService.Valid.class);

        principals.revokeToken(tom, "tom", issued.metadata().id());
        principals.revokeToken(tom, "tom", issued.metadata().id());

        assertThat(events.stream(TokenRevoked.class)).hasSize(1);
        assertThat(principals.authenticate(issued.token())).isInstanceOf(PrincipalService.Revoked.class);
        assertThat(principals.authenticate(TokenSecret.generate())).isInstanceOf(PrincipalService.Unknown.class);
    }

    @Test
    void nobodyButTheHolderOrAnAdminTouchesSomeonesTokens() {
        principals.create(ADMIN, new NewPrincipal("una", null, null, Set.of(Role.READER)));
        IssuedToken issued = principals.issueToken(ADMIN, "una", "by admin", Instant.parse("2999-01-01T00:00:00Z"));

        assertThatThrownBy(() -> principals.issueToken(OWNER, "una", "steal", null)).isInstanceOf(RegistryException.class);
        assertThatThrownBy(() -> principals.tokens(OWNER, "una")).isInstanceOf(RegistryException.class);
        assertThatThrownBy(() -> principals.revokeToken(OWNER, "una", issued.metadata().id()))
                .isInstanceOf(RegistryException.class);
        assertThat(principals.tokens(ADMIN, "una")).singleElement()
                .satisfies(t -> assertThat(t.revoked()).isFalse());
    }

    @Test
    void entitiesAreCreatedByAdminsChangedByTheirOwnersAndReownedByAdminsOnly() {
        entities.create(ADMIN, new NewEntity("owned-thing", "test", "first", Set.of("owen"), null, null, null));
        assertThat(events.stream(EntityCreated.class)).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("entity:owned-thing"));

        assertThatThrownBy(() -> entities.create(OWNER, NewEntity.of("owners-own", "test")))
                .isInstanceOf(RegistryException.class);
        assertThat(entities.find("owners-own")).isEmpty();

        entities.update(OWNER, "owned-thing", new EntityChanges("test", "second", Set.of("owen"),
                CompatibilityMode.FULL, null, null));
        assertThat(entities.get("owned-thing").description()).isEqualTo("second");
        assertThat(events.stream(EntityChanged.class)).hasSize(1);

        assertThatThrownBy(() -> entities.update(OWNER, "owned-thing", new EntityChanges("test", "second",
                Set.of("owen", "friend"), null, null, null)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("owners");
        assertThatThrownBy(() -> entities.update(DEVELOPER, "owned-thing", new EntityChanges("test", "third",
                Set.of("owen"), null, null, null)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("'dina'");
        assertThat(entities.get("owned-thing").owners()).containsExactly("owen");
        assertThat(entities.get("owned-thing").description()).isEqualTo("second");
        assertThat(events.stream(EntityChanged.class)).hasSize(1);
    }
}
