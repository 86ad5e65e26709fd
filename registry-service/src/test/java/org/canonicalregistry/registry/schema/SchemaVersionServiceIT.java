package org.canonicalregistry.registry.schema;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.problem.EntityNotFoundException;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.problem.VersionNotFoundException;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.schema.SchemaReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SchemaVersionServiceIT {

    @Autowired
    SchemaVersionService versions;

    @Autowired
    EntityService entities;

    @Autowired
    JdbcClient jdbc;

    static byte[] schema(String property) {
        return ("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{"%s":{"type":"string"}},"required":["%s"]}""").formatted(property, property).getBytes(UTF_8);
    }

    private String entity(String name) {
        // Mode NONE: these tests are about numbering and storage; compatibility has its own tests.
        entities.create(Principal.SYSTEM, new NewEntity(name, "test", null, Set.of("owner"), CompatibilityMode.NONE, null, null));
        return name;
    }

    private SchemaVersion created(RegistrationResult result) {
        assertThat(result).isInstanceOf(RegistrationResult.Created.class);
        return result.version();
    }

    @Test
    void firstVersionIsOnePointZeroAndMinorsFollow() {
        String e = entity("numbering");

        SchemaVersion first = created(versions.register(e, schema("a"), false, "first", "alice"));
        SchemaVersion second = created(versions.register(e, schema("b"), false, null, "bob"));

        assertThat(first.version()).isEqualTo("1.0");
        assertThat(first.state()).isEqualTo(SchemaState.PUBLISHED);
        assertThat(first.createdBy()).isEqualTo("alice");
        assertThat(first.reason()).isEqualTo("first");
        assertThat(first.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(second.version()).isEqualTo("1.1");
        assertThat(second.reason()).isEmpty();
        assertThat(second.globalId()).isGreaterThan(first.globalId());
        assertThat(versions.getByGlobalId(first.globalId())).isEqualTo(first);
    }

    @Test
    void identicalContentIsIdempotentWithTheSameGlobalIdAndNoNewRows() {
        String e = entity("idempotent");
        SchemaVersion first = created(versions.register(e, schema("a"), false, "first", "alice"));
        StoreCounts before = StoreCounts.of(jdbc);

        // Same content, different whitespace and key order: same canonical form.
        byte[] reordered = """
                { "required" : ["a"], "type":"object", "properties": {"a": {"type": "string"}},
                  "$schema": "https://json-schema.org/draft/2020-12/schema" }""".getBytes(UTF_8);
        RegistrationResult again = versions.register(e, reordered, true, "again", "bob");

        assertThat(again).isInstanceOf(RegistrationResult.AlreadyRegistered.class);
        assertThat(again.version()).isEqualTo(first);
        assertThat(StoreCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void newMajorOpensTheNextMajorLineAndMinorsContinueThere() {
        String e = entity("majors");
        created(versions.register(e, schema("a"), false, null, "alice"));
        created(versions.register(e, schema("b"), false, null, "alice"));

        SchemaVersion two = created(versions.register(e, schema("c"), true, "breaking", "alice"));
        SchemaVersion twoOne = created(versions.register(e, schema("d"), false, null, "alice"));

        assertThat(two.version()).isEqualTo("2.0");
        assertThat(twoOne.version()).isEqualTo("2.1");
        assertThat(versions.list(e)).extracting(SchemaVersion::version).containsExactly("1.0", "1.1", "2.0", "2.1");
    }

    @Test
    void referenceToAnExistingVersionIsStored() {
        String target = entity("ref-target");
        created(versions.register(target, schema("id"), false, null, "alice"));
        String source = entity("ref-source");

        SchemaVersion v = created(versions.register(source, """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{"target":{"$ref":"urn:canonical:ref-target:1.0"}}}""".getBytes(UTF_8), false, null, "alice"));

        assertThat(v.references()).containsExactly(new SchemaReference("ref-target", 1, 0));
        assertThat(versions.getByGlobalId(v.globalId()).references()).containsExactly(new SchemaReference("ref-target", 1, 0));
    }

    @Test
    void referenceToAMissingVersionIsRejectedAndNothingIsStored() {
        String target = entity("missing-target");
        created(versions.register(target, schema("id"), false, null, "alice"));
        String source = entity("missing-source");
        StoreCounts before = StoreCounts.of(jdbc);

        assertRejected(() -> versions.register(source, """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{"target":{"$ref":"urn:canonical:missing-target:1.7"}}}""".getBytes(UTF_8), false, null, "alice"),
                ProblemType.SCHEMA_REJECTED, e -> assertThat(e.extensions()).containsEntry("reason", "UNKNOWN_REFERENCE"));
        assertRejected(() -> versions.register(source, """
                {"type":"object","properties":{"t":{"$ref":"urn:canonical:no-such-entity:1.0"}}}""".getBytes(UTF_8),
                false, null, "alice"),
                ProblemType.SCHEMA_REJECTED, e -> assertThat(e.extensions()).containsEntry("reason", "UNKNOWN_REFERENCE"));

        assertThat(StoreCounts.of(jdbc)).isEqualTo(before);
        assertThat(versions.list(source)).isEmpty();
    }

    @Test
    void malformedSchemaUnknownEntityAndBadActorAreRejectedAndNothingIsStored() {
        String e = entity("rejections");
        StoreCounts before = StoreCounts.of(jdbc);

        assertRejected(() -> versions.register(e, "{\"type\":".getBytes(UTF_8), false, null, "alice"),
                ProblemType.SCHEMA_REJECTED, x -> assertThat(x.extensions()).containsEntry("reason", "MALFORMED_JSON"));
        assertRejected(() -> versions.register("no-such-entity", schema("a"), false, null, "alice"),
                ProblemType.ENTITY_NOT_FOUND, x -> assertThat(x).isInstanceOf(EntityNotFoundException.class));
        assertRejected(() -> versions.register(e, schema("a"), false, null, " "),
                ProblemType.VALIDATION_FAILED, x -> assertThat(x.getMessage()).contains("/actor"));
        assertRejected(() -> versions.register(e, schema("a"), false, "r".repeat(1001), "alice"),
                ProblemType.VALIDATION_FAILED, x -> assertThat(x.getMessage()).contains("/reason").contains("1000"));

        assertThat(StoreCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void readsByExactVersionLatestAndLatestOfMajor() {
        String e = entity("reads");
        SchemaVersion v10 = created(versions.register(e, schema("a"), false, null, "alice"));
        SchemaVersion v11 = created(versions.register(e, schema("b"), false, null, "alice"));
        SchemaVersion v20 = created(versions.register(e, schema("c"), true, null, "alice"));

        assertThat(versions.get(e, VersionSelector.parse("1.0"))).isEqualTo(v10);
        assertThat(versions.get(e, VersionSelector.parse("1.latest"))).isEqualTo(v11);
        assertThat(versions.get(e, VersionSelector.parse("2.latest"))).isEqualTo(v20);
        assertThat(versions.get(e, VersionSelector.latest())).isEqualTo(v20);
        assertThat(versions.getByGlobalId(v11.globalId())).isEqualTo(v11);
        assertThatThrownBy(() -> versions.get(e, VersionSelector.parse("1.2")))
                .isInstanceOf(VersionNotFoundException.class).hasMessageContaining("reads@1.2");
        assertThatThrownBy(() -> versions.get(e, VersionSelector.parse("3.latest")))
                .isInstanceOf(VersionNotFoundException.class).hasMessageContaining("reads@3.latest");
        assertThatThrownBy(() -> versions.get("no-such-entity", VersionSelector.latest()))
                .isInstanceOf(EntityNotFoundException.class);
        assertThatThrownBy(() -> versions.getByGlobalId(Long.MAX_VALUE))
                .isInstanceOf(VersionNotFoundException.class).hasMessageContaining(String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void retiredVersionsAreNotLatestButStayReadableAndReferable() {
        String e = entity("retiring");
        SchemaVersion v10 = created(versions.register(e, schema("a"), false, null, "alice"));
        SchemaVersion v11 = created(versions.register(e, schema("b"), false, null, "alice"));
        SchemaVersion v20 = created(versions.register(e, schema("c"), true, null, "alice"));
        retire(v20);
        retire(v11);

        assertThat(versions.get(e, VersionSelector.latest())).isEqualTo(v10);
        assertThat(versions.get(e, VersionSelector.parse("1.latest"))).isEqualTo(v10);
        assertThatThrownBy(() -> versions.get(e, VersionSelector.parse("2.latest"))).isInstanceOf(VersionNotFoundException.class);
        assertThat(versions.get(e, VersionSelector.parse("2.0")).state()).isEqualTo(SchemaState.RETIRED);

        String user = entity("retired-user");
        SchemaVersion referring = created(versions.register(user, """
                {"type":"object","properties":{"x":{"$ref":"urn:canonical:retiring:2.0"}}}""".getBytes(UTF_8),
                false, null, "alice"));
        assertThat(referring.references()).containsExactly(new SchemaReference("retiring", 2, 0));
        // numbers of retired versions are never reused
        assertThat(created(versions.register(e, schema("d"), true, null, "alice")).version()).isEqualTo("3.0");
    }

    @Test
    void validateReportsViolationsAgainstTheSelectedVersion() {
        String e = entity("validated");
        created(versions.register(e, schema("name"), false, null, "alice"));

        assertThat(versions.validate(e, VersionSelector.latest(), "{\"name\":\"x\"}".getBytes(UTF_8)).valid()).isTrue();
        assertThat(versions.validate(e, VersionSelector.parse("1.0"), "{}".getBytes(UTF_8)).violations()).isNotEmpty();
        assertRejected(() -> versions.validate(e, VersionSelector.latest(), "{".getBytes(UTF_8)),
                ProblemType.MALFORMED_REQUEST, x -> assertThat(x.getMessage()).contains("validated@1.0"));
        byte[] huge = ("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}").getBytes(UTF_8);
        assertRejected(() -> versions.validate(e, VersionSelector.latest(), huge),
                ProblemType.PAYLOAD_TOO_LARGE, x -> assertThat(x.extensions()).containsEntry("limit", 1024 * 1024));
    }

    private void retire(SchemaVersion v) {
        // The state transitions belong to a later issue; the test sets the state directly.
        jdbc.sql("UPDATE schema_version SET state = 'RETIRED' WHERE global_id = :id").param("id", v.globalId()).update();
    }

    private static void assertRejected(Runnable call, ProblemType type, Consumer<RegistryException> more) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.problemType()).isEqualTo(type);
            more.accept(e);
        });
    }

    static List<String> names(List<SchemaVersion> list) {
        return list.stream().map(SchemaVersion::coordinates).toList();
    }
}
