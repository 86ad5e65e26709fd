package org.canonicalregistry.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.canonicalregistry.registry.web.H2RegistryTest;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC sign-in through Spring's resource server, configured with the public half of a test RSA key: JWTs signed
 * with the private half authenticate, their groups become roles through the configured mapping, and a bad
 * signature, an expired token, a foreign issuer or a missing name claim is a precise 401. Registry tokens keep
 * working next to it.
 */
@H2RegistryTest
class OidcSignInTest {

    static final String ISSUER = "https://idp.example.test/realms/company";
    static final KeyPair IDP = rsa();
    static final KeyPair STRANGER = rsa();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        registry.add("registry.security.oidc.public-key-location", () -> "file:" + pem(IDP));
        registry.add("registry.security.oidc.issuer", () -> ISSUER);
        registry.add("registry.security.oidc.audience", () -> "canonical-registry");
        registry.add("registry.security.oidc.roles-claim", () -> "groups");
        registry.add("registry.security.oidc.role-mapping.registry-admins", () -> "ADMIN");
        registry.add("registry.security.oidc.role-mapping.data-owners", () -> "OWNER");
        registry.add("registry.security.oidc.role-mapping.developers", () -> "DEVELOPER");
    }

    @LocalServerPort
    int port;

    HttpProbe anonymous;

    @BeforeEach
    void connect() {
        anonymous = new HttpProbe(port);
    }

    @Test
    void mappedGroupsBecomeRolesAndTheClaimsNameThePrincipal() {
        String jwt = sign(IDP, claims -> claims.claim("groups", List.of("developers", "data-owners", "coffee-club"))
                .claim("name", "Olga Owner").claim("email", "olga@example.com"));

        var me = anonymous.withBearer(jwt).get("/api/v1/principals/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("name").asString()).isEqualTo("olga");
        assertThat(me.json().path("displayName").asString()).isEqualTo("Olga Owner");
        assertThat(me.json().path("email").asString()).isEqualTo("olga@example.com");
        assertThat(me.json().path("roles").toString()).isEqualTo("[\"OWNER\",\"DEVELOPER\"]");
        assertThat(me.json().path("createdAt").isNull()).as("not a stored principal").isTrue();
    }

    @Test
    void anAdminGroupMayWriteAndOtherGroupsMayNot() {
        String admin = sign(IDP, claims -> claims.subject("root-id").claim("preferred_username", "ida")
                .claim("groups", List.of("registry-admins")));
        String developer = sign(IDP, claims -> claims.subject("dev-id").claim("preferred_username", "devin")
                .claim("groups", "developers"));

        var refused = anonymous.withBearer(developer).postJson("/api/v1/entities", "{\"name\":\"by-jwt\",\"domain\":\"t\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("forbidden");

        var created = anonymous.withBearer(admin).postJson("/api/v1/entities", "{\"name\":\"by-jwt\",\"domain\":\"t\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    @Test
    void unmappedGroupsGrantNothing() {
        String jwt = sign(IDP, claims -> claims.claim("groups", List.of("ADMIN", "admins")));

        var me = anonymous.withBearer(jwt).get("/api/v1/principals/me");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("roles").toString()).isEqualTo("[]");
    }

    @Test
    void aJwtSignedByAnotherKeyIsRefused() {
        assertRefused(sign(STRANGER, claims -> claims.claim("groups", List.of("registry-admins"))), "signature");
    }

    @Test
    void anExpiredJwtIsRefused() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertRefused(sign(IDP, claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5))))), "expired");
    }

    @Test
    void aJwtFromAnotherIssuerIsRefused() {
        assertRefused(sign(IDP, claims -> claims.issuer("https://evil.example.test")), "iss");
    }

    @Test
    void aJwtForAnotherAudienceIsRefused() {
        assertRefused(sign(IDP, claims -> claims.audience("another-service")), "aud");
    }

    @Test
    void aJwtWithoutTheNameClaimIsRefused() {
        assertRefused(sign(IDP, claims -> claims.claim("preferred_username", null)), "'preferred_username' claim");
    }

    @Test
    void aTokenThatIsNoJwtIsRefused() {
        assertRefused("not.a.jwt", "JWT was refused");
    }

    @Test
    void registryTokensWorkNextToOidc() {
        var me = HttpProbe.asAdmin(port).get("/api/v1/principals/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().path("name").asString()).isEqualTo("admin");
    }

    private void assertRefused(String jwt, String detail) {
        var reply = anonymous.withBearer(jwt).get("/api/v1/principals/me");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.problemType()).isEqualTo("unauthorized");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(reply.json().path("detail").asString()).contains(detail);
        // nothing to write with either
        assertThat(anonymous.withBearer(jwt).postJson("/api/v1/entities", "{\"name\":\"nope\",\"domain\":\"t\"}").status())
                .isEqualTo(401);
    }

    /** A JWT with sensible defaults (issuer, audience, name, a 5-minute life) changed by {@code customise}. */
    static String sign(KeyPair key, Consumer<JWTClaimsSet.Builder> customise) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience("canonical-registry")
                .subject("user-123")
                .claim("preferred_username", "olga")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        customise.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pem(KeyPair key) {
        try {
            Path file = Files.createTempFile("oidc-test-idp-", ".pem");
            file.toFile().deleteOnExit();
            String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded());
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
