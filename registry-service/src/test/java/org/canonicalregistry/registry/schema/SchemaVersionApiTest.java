package org.canonicalregistry.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.canonicalregistry.registry.testing.TestPublications;
import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Registering, reading, caching and validating schema versions over HTTP on the zero-setup H2 database. */
@H2RegistryTest
class SchemaVersionApiTest {

    private static final String PERSON = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"id":{"type":"string","minLength":3},"age":{"type":"integer","minimum":0}},
             "required":["id"]}""";
    /** Accepts everything {@link #PERSON} accepts (shorter ids too): a backward-compatible minor change. */
    private static final String PERSON_RELAXED = """
            {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
             "properties":{"id":{"type":"string","minLength":1},"age":{"type":"integer","minimum":0}},
             "required":["id"]}""";

    @LocalServerPort
    int port;

    HttpProbe http;

    @BeforeEach
    void connect() {
        http = HttpProbe.asAdmin(port);
    }

    @Test
    void aPublishedVersionIsReadableAndProposingIdenticalContentIsAConflictNamingIt() {
        entity("person");

        var first = register("person", PERSON, false);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode created = first.json();
        assertThat(created.path("version").asString()).isEqualTo("1.0");
        assertThat(created.path("globalId").asLong()).isPositive();
        assertThat(created.path("fingerprint").asString()).matches("[0-9a-f]{64}");
        assertThat(created.path("state").asString()).isEqualTo("PUBLISHED");

        // Same schema, different member order and spacing: same canonical form, same version, nothing new.
        var again = register("person", """
                {"required":["id"],"type":"object","$schema":"https://json-schema.org/draft/2020-12/schema",
                 "properties":{"age":{"minimum":0,"type":"integer"},"id":{"minLength":3,"type":"string"}}}""", false);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("conflict");
        assertThat(again.json().path("version").asString()).isEqualTo("1.0");
        assertThat(http.get("/api/v1/entities/person/versions").json().size()).isEqualTo(1);
    }

    @Test
    void versionsAreReadByExactLatestAndMajorLatestAndByGlobalId() {
        entity("member");
        long v10 = register("member", PERSON, false).json().path("globalId").asLong();
        var v11 = register("member", PERSON_RELAXED, false);
        assertThat(v11.json().path("version").asString()).isEqualTo("1.1");
        var v20 = register("member", "{\"type\":\"object\",\"required\":[\"memberNo\"]}", true);
        assertThat(v20.status()).isEqualTo(200);
        assertThat(v20.json().path("version").asString()).isEqualTo("2.0");

        assertThat(version("member", "1.0").path("globalId").asLong()).isEqualTo(v10);
        assertThat(version("member", "1.latest").path("version").asString()).isEqualTo("1.1");
        assertThat(version("member", "latest").path("version").asString()).isEqualTo("2.0");
        assertThat(http.get("/api/v1/schemas/" + v10).json().path("version").asString()).isEqualTo("1.0");
        assertThat(http.get("/api/v1/entities/member/versions").json().valueStream()
                .map(summary -> summary.path("version").asString())).containsExactly("1.0", "1.1", "2.0");
        assertThat(http.get("/api/v1/entities/member/versions").json().get(0).has("schema")).isFalse();
    }

    @Test
    void rawSchemaIsTheCanonicalFormWithItsFingerprintAsETagAndCachedByStability() throws Exception {
        entity("account");
        JsonNode v10 = register("account", PERSON, false).json();
        String etag = "\"" + v10.path("fingerprint").asString() + "\"";

        var exact = http.get("/api/v1/entities/account/versions/1.0/schema");
        assertThat(exact.status()).isEqualTo(200);
        assertThat(exact.contentType()).startsWith("application/schema+json");
        assertThat(exact.header("ETag")).isEqualTo(etag);
        assertThat(exact.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(sha256(exact.bytes())).isEqualTo(v10.path("fingerprint").asString());

        var latest = http.get("/api/v1/entities/account/versions/latest/schema");
        assertThat(latest.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(latest.bytes()).isEqualTo(exact.bytes());
        assertThat(http.get("/api/v1/entities/account/versions/1.latest/schema").header("Cache-Control"))
                .isEqualTo("public, max-age=60");

        var byId = http.get("/api/v1/schemas/" + v10.path("globalId").asLong() + "/schema");
        assertThat(byId.bytes()).isEqualTo(exact.bytes());
        assertThat(byId.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");

        var asJson = http.get("/api/v1/entities/account/versions/1.0/schema", "Accept", "application/json");
        assertThat(asJson.contentType()).startsWith("application/json");

        var revalidated = http.get("/api/v1/entities/account/versions/1.0/schema", "If-None-Match", etag);
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(revalidated.bytes()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(etag);

        var stale = http.get("/api/v1/entities/account/versions/latest/schema", "If-None-Match", "\"0000\"");
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void validationReportsEveryViolationWithInstancePathAndSchemaLocation() {
        entity("visitor");
        register("visitor", PERSON, false);

        var invalid = http.postJson("/api/v1/entities/visitor/versions/1.0/validate", "{\"id\":\"ab\",\"age\":-1}");
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(200);
        assertThat(invalid.json().path("valid").asBoolean()).isFalse();
        assertThat(invalid.json().path("violations").valueStream().map(v -> v.path("instancePath").asString()))
                .containsExactlyInAnyOrder("/id", "/age");
        assertThat(invalid.json().path("violations").valueStream().map(v -> v.path("keyword").asString()))
                .containsExactlyInAnyOrder("minLength", "minimum");
        assertThat(invalid.json().path("violations").valueStream().map(v -> v.path("schemaLocation").asString()))
                .allSatisfy(location -> assertThat(location).isNotBlank());

        var valid = http.postJson("/api/v1/entities/visitor/versions/latest/validate", "{\"id\":\"abc\"}");
        assertThat(valid.json().path("valid").asBoolean()).isTrue();
        assertThat(valid.json().path("violations").size()).isZero();
    }

    @Test
    void decimalsKeepTheirExactValueThroughRegistrationAndValidation() {
        entity("ledger-line");
        var created = register("ledger-line", """
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{"amount":{"type":"number","multipleOf":0.01,"maximum":12345678901234567890.12}}}""",
                false);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);

        // Through double, 0.07 / 0.01 is 7.000000000000001 and the 20-digit bound loses its cents.
        assertThat(http.get("/api/v1/entities/ledger-line/versions/1.0/schema").text())
                .contains("\"maximum\":12345678901234567890.12");
        var exactCents = http.postJson("/api/v1/entities/ledger-line/versions/1.0/validate", "{\"amount\":0.07}");
        assertThat(exactCents.json().path("valid").asBoolean()).as(exactCents.toString()).isTrue();
        var fractionOfACent = http.postJson("/api/v1/entities/ledger-line/versions/1.0/validate",
                "{\"amount\":0.075}");
        assertThat(fractionOfACent.json().path("valid").asBoolean()).as(fractionOfACent.toString()).isFalse();
    }

    @Test
    void unknownVersionIsVersionNotFoundAndUnknownEntityIsEntityNotFound() {
        entity("gadget");
        register("gadget", PERSON, false);

        var missingVersion = http.get("/api/v1/entities/gadget/versions/7.3");
        assertThat(missingVersion.status()).isEqualTo(404);
        assertThat(missingVersion.problemType()).isEqualTo("version-not-found");

        var missingEntity = http.get("/api/v1/entities/no-gadget/versions/latest/schema");
        assertThat(missingEntity.status()).isEqualTo(404);
        assertThat(missingEntity.problemType()).isEqualTo("entity-not-found");

        var missingId = http.get("/api/v1/schemas/999999999");
        assertThat(missingId.status()).isEqualTo(404);
        assertThat(missingId.problemType()).isEqualTo("version-not-found");
    }

    private void entity(String name) {
        // Mode NONE: these tests are about reading and caching; compatibility has its own tests.
        var reply = http.postJson("/api/v1/entities",
                "{\"name\":\"" + name + "\",\"domain\":\"test\",\"compatibility\":\"NONE\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    /** Publishes through a proposal approved by the admin: there is no other way in. */
    private HttpProbe.Reply register(String entity, String schema, boolean newMajor) {
        return new TestPublications(port).publish(entity, schema, newMajor);
    }

    private JsonNode version(String entity, String selector) {
        var reply = http.get("/api/v1/entities/" + entity + "/versions/" + selector);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
