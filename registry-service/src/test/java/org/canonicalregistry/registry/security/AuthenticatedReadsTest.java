package org.canonicalregistry.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.registry.testing.TestPrincipals;
import org.canonicalregistry.registry.testing.TestPublications;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code registry.security.reads=authenticated}: reads need a token of any principal; the contract stays open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:registry-${random.uuid};DB_CLOSE_DELAY=-1",
        "registry.security.reads=authenticated"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticatedReadsTest {

    @LocalServerPort
    int port;

    HttpProbe anonymous;
    HttpProbe withoutRoles;

    @BeforeAll
    void setUp() {
        anonymous = new HttpProbe(port);
        var admin = HttpProbe.asAdmin(port);
        assertThat(admin.postJson("/api/v1/entities", "{\"name\":\"closed\",\"domain\":\"test\"}").status())
                .isEqualTo(201);
        assertThat(new TestPublications(port).publish("closed", "{\"type\":\"object\"}").status()).isEqualTo(200);
        withoutRoles = anonymous.withBearer(new TestPrincipals(port).tokenFor("nobody-special"));
    }

    @Test
    void anonymousReadsAreRefusedWithA401Problem() {
        for (String path : new String[] {"/api/v1/entities", "/api/v1/entities/closed",
                "/api/v1/entities/closed/versions/latest/schema", "/api/v1/schemas/1"}) {
            var reply = anonymous.get(path);
            assertThat(reply.status()).as(path + ": " + reply).isEqualTo(401);
            assertThat(reply.problemType()).isEqualTo("unauthorized");
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(anonymous.postJson("/api/v1/entities/closed/versions/latest/validate", "{}").status()).isEqualTo(401);
        assertThat(anonymous.postJson("/api/v1/compatibility/check",
                "{\"old\":{\"type\":\"object\"},\"candidate\":{\"type\":\"object\"}}").status()).isEqualTo(401);
    }

    @Test
    void anyAuthenticatedPrincipalReadsEvenWithoutRoles() {
        assertThat(withoutRoles.get("/api/v1/entities/closed").status()).isEqualTo(200);
        assertThat(withoutRoles.postJson("/api/v1/entities/closed/versions/latest/validate", "{}").status()).isEqualTo(200);
    }

    @Test
    void theContractAndHealthStayOpen() {
        assertThat(anonymous.get("/api/v1/openapi.yaml").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }
}
