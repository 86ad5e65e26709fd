package org.canonicalregistry.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.canonicalregistry.registry.testing.TestClock;
import org.canonicalregistry.registry.testing.TestPrincipals;
import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.testing.TestPublications;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bearer-token authentication over real HTTP: what a missing, malformed, unknown, revoked or expired credential gets
 * (a precise 401 problem with {@code WWW-Authenticate: Bearer}), that reads stay open by default, and the token
 * lifecycle (issued once, stored hashed, listed without the secret, revoked).
 */
@H2RegistryTest
class TokenAuthenticationTest {

    static final Instant T0 = Instant.parse("2026-03-04T05:06:07Z");

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(T0);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    HttpProbe anonymous;
    HttpProbe admin;
    TestPrincipals principals;

    @BeforeEach
    void connect() {
        anonymous = new HttpProbe(port);
        admin = HttpProbe.asAdmin(port);
        principals = new TestPrincipals(port);
    }

    @Test
    void anonymousWriteIsA401ProblemWithABearerChallengeAndStoresNothing() {
        var reply = anonymous.postJson("/api/v1/entities", "{\"name\":\"anon-write\",\"domain\":\"test\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.problemType()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.json().path("detail").asString()).contains("Authorization: Bearer");
        assertThat(reply.json().path("instance").asString()).isEqualTo("/api/v1/entities");
        assertThat(anonymous.get("/api/v1/entities/anon-write").status()).isEqualTo(404);
    }

    @Test
    void readsAreOpenByDefaultIncludingThePostsThatOnlyRead() {
        admin.postJson("/api/v1/entities", "{\"name\":\"open-read\",\"domain\":\"test\"}");
        assertThat(new TestPublications(port).publish("open-read", "{\"type\":\"object\"}").status()).isEqualTo(200);

        assertThat(anonymous.get("/api/v1/entities/open-read").status()).isEqualTo(200);
        assertThat(anonymous.postJson("/api/v1/entities/open-read/versions/latest/validate", "{}").status())
                .isEqualTo(200);
        assertThat(anonymous.postJson("/api/v1/entities/open-read/compatibility",
                "{\"schema\":{\"type\":\"object\"}}").status()).isEqualTo(200);
        assertThat(anonymous.postJson("/api/v1/compatibility/check",
                "{\"old\":{\"type\":\"object\"},\"candidate\":{\"type\":\"object\"}}").status()).isEqualTo(200);
        // identity data is not a public read
        assertThat(anonymous.get("/api/v1/principals").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/principals/me").status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Basic scheme           | Basic YWRtaW46c2VjcmV0                                   | invalid_request | scheme 'Basic'",
        "Bearer without token   | Bearer                                                   | invalid_request | carries no token",
        "Bearer and blanks      | 'Bearer    '                                             | invalid_request | carries no token",
        "not token68            | Bearer crt_abc def{}                                     | invalid_request | characters a token cannot contain",
        "registry token too short | Bearer crt_tooShort                                    | invalid_token   | registry token is malformed",
        "unknown registry token | Bearer crt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA      | invalid_token   | not known to this registry",
        "JWT while OIDC is off  | Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln          | invalid_token   | OIDC sign-in is not configured",
    })
    void refusedCredentialsGetAPrecise401(String name, String header, String error, String detail) {
        var reply = anonymous.get("/api/v1/entities", "Authorization", header);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.problemType()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"" + error + "\"");
        assertThat(reply.json().path("detail").asString()).contains(detail);
        assertThat(reply.text()).doesNotContain("crt_AAAA").doesNotContain("YWRtaW46");
    }

    @Test
    void anOversizedAuthorizationHeaderIsA401NamingTheLimit() {
        var reply = anonymous.get("/api/v1/entities", "Authorization", "Bearer " + "a".repeat(5000));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.json().path("detail").asString()).contains("at most 4096");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void issuedTokenAuthenticatesIsStoredOnlyAsAHashAndIsListedWithoutTheSecret(CapturedOutput log) {
        String token = principals.tokenFor("tess", Role.DEVELOPER);

        assertThat(token).matches("crt_[A-Za-z0-9_-]{43}");
        var me = anonymous.withBearer(token).get("/api/v1/principals/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("name").asString()).isEqualTo("tess");
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"DEVELOPER\"]");

        var listed = anonymous.withBearer(token).get("/api/v1/principals/tess/tokens");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        assertThat(listed.text()).doesNotContain(token).doesNotContain(token.substring(4));
        String stored = jdbc.sql("SELECT token_hash FROM api_token WHERE principal_name = 'tess'")
                .query(String.class).single();
        assertThat(stored).matches("[0-9a-f]{64}").isNotEqualTo(token);
        assertThat(log.getAll()).as("the log").doesNotContain(token.substring(4));
    }

    @Test
    void aPrincipalIssuesAndRevokesItsOwnTokensAndARevokedTokenIsRefused() {
        String first = principals.tokenFor("rita", Role.READER);
        HttpProbe rita = anonymous.withBearer(first);
        var issued = rita.postJson("/api/v1/principals/rita/tokens", "{\"label\":\"laptop\"}");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String second = issued.json().path("token").asString();
        String secondId = issued.json().path("id").asString();
        assertThat(issued.header("Location")).isEqualTo("/api/v1/principals/rita/tokens/" + secondId);

        var revoked = rita.method("DELETE", "/api/v1/principals/rita/tokens/" + secondId);
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        var refused = anonymous.withBearer(second).get("/api/v1/principals/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("detail").asString()).contains(secondId).contains("revoked");
        assertThat(rita.get("/api/v1/principals/me").status()).as("the other token still works").isEqualTo(200);
        // revoking again is idempotent
        assertThat(rita.method("DELETE", "/api/v1/principals/rita/tokens/" + secondId).status()).isEqualTo(204);
    }

    @Test
    void aTokenStopsWorkingAtItsExpiryByTheRegistrysClock() {
        principals.create("evan", Role.READER);
        var issued = principals.issue("evan", "{\"label\":\"short\",\"expiresAt\":\"" + T0.plus(Duration.ofHours(1)) + "\"}");
        HttpProbe evan = anonymous.withBearer(issued.json().path("token").asString());
        assertThat(evan.get("/api/v1/principals/me").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1));
        try {
            var refused = evan.get("/api/v1/principals/me");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.json().path("detail").asString()).contains("expired at " + T0.plus(Duration.ofHours(1)));
        } finally {
            clock.advance(Duration.ofHours(-1)); // the other tests of this context run at T0
        }
    }

    @Test
    void anExpiryInThePastIsAValidationProblem() {
        principals.create("paula", Role.READER);

        var reply = admin.postJson("/api/v1/principals/paula/tokens",
                "{\"label\":\"old\",\"expiresAt\":\"" + T0.minusSeconds(1) + "\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation-failed");
        assertThat(reply.json().path("errors").get(0).path("pointer").asString()).isEqualTo("/expiresAt");
        assertThat(admin.get("/api/v1/principals/paula/tokens").json().size()).isZero();
    }

    @Test
    void unknownRoleNamesAreAValidationProblemNamingEachPointerAndChangeNothing() {
        principals.create("uma", Role.READER);

        var reply = admin.patchJson("/api/v1/principals/uma", "{\"roles\":[\"READER\",\"SUPERUSER\",\"admin\"]}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.problemType()).isEqualTo("validation-failed");
        assertThat(reply.json().path("errors").valueStream().map(e -> e.path("pointer").asString()))
                .containsExactly("/roles/1", "/roles/2");
        assertThat(admin.get("/api/v1/principals/uma").json().path("roles").toString()).isEqualTo("[\"READER\"]");
    }

    @Test
    void nobodyChangesTheirOwnRolesWithoutAdminButMayChangeTheirDisplayName() {
        HttpProbe dev = anonymous.withBearer(principals.tokenFor("dave", Role.DEVELOPER));

        var escalate = dev.patchJson("/api/v1/principals/dave", "{\"roles\":[\"ADMIN\"]}");
        assertThat(escalate.status()).as(escalate.toString()).isEqualTo(403);
        assertThat(escalate.problemType()).isEqualTo("forbidden");
        assertThat(escalate.json().path("detail").asString()).contains("'dave'").contains("ADMIN");

        var rename = dev.patchJson("/api/v1/principals/dave", "{\"displayName\":\"Dave D.\"}");
        assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
        assertThat(rename.json().path("roles").toString()).isEqualTo("[\"DEVELOPER\"]");
        assertThat(rename.json().path("displayName").asString()).isEqualTo("Dave D.");
    }

    @Test
    void theBootstrapAdminExistsAndAPrincipalNameIsUnique() {
        var me = admin.get("/api/v1/principals/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("name").asString()).isEqualTo("admin");

        principals.create("twice");
        var again = admin.postJson("/api/v1/principals", "{\"name\":\"twice\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("principal-already-exists");
        var reserved = admin.postJson("/api/v1/principals", "{\"name\":\"me\"}");
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.problemType()).isEqualTo("validation-failed");
    }
}
