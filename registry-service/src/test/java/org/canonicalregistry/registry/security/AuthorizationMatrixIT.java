package org.canonicalregistry.registry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestClock;
import org.canonicalregistry.registry.testing.TestPrincipals;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every write endpoint against every kind of caller, on real PostgreSQL over real HTTP: the {@link #MATRIX} below is
 * the authorization rule book, one line per operation, one column per credential. Every refusal must also leave
 * the store exactly as it was. {@link #everyWriteOperationOfTheContractHasARowInTheMatrix()} reads the OpenAPI spec
 * and fails when a non-GET operation has no row, so a new endpoint cannot skip this table.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

    static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    /** Who calls. OWNER owns {@code matrix-owned}; OTHER_OWNER has role OWNER but owns only {@code matrix-other}. */
    enum Credential {
        ANONYMOUS, UNKNOWN_TOKEN, REVOKED_TOKEN, EXPIRED_TOKEN, ADMIN, OWNER, OTHER_OWNER, DEVELOPER, READER, ADAPTER
    }

    /** One kind of request, with the spec operation it exercises. */
    enum Operation {
        CREATE_ENTITY("post", "/api/v1/entities"),
        UPDATE_OWNED_ENTITY_DESCRIPTION("patch", "/api/v1/entities/{name}"),
        CHANGE_OWNED_ENTITY_OWNERS("patch", "/api/v1/entities/{name}"),
        OPEN_PROPOSAL("post", "/api/v1/entities/{name}/proposals"),
        APPROVE_PROPOSAL("post", "/api/v1/proposals/{id}/approve"),
        APPROVE_OWN_PROPOSAL("post", "/api/v1/proposals/{id}/approve"),
        REJECT_PROPOSAL("post", "/api/v1/proposals/{id}/reject"),
        WITHDRAW_OWN_PROPOSAL("post", "/api/v1/proposals/{id}/withdraw"),
        WITHDRAW_ANOTHERS_PROPOSAL("post", "/api/v1/proposals/{id}/withdraw"),
        REBASE_ANOTHERS_PROPOSAL("post", "/api/v1/proposals/{id}/rebase"),
        DEPRECATE_OWNED_VERSION("post", "/api/v1/entities/{name}/versions/{version}/deprecate"),
        RETIRE_OWNED_VERSION("post", "/api/v1/entities/{name}/versions/{version}/retire"),
        VALIDATE_PAYLOAD("post", "/api/v1/entities/{name}/versions/{version}/validate"),
        CHECK_COMPATIBILITY("post", "/api/v1/compatibility/check"),
        CHECK_ENTITY_COMPATIBILITY("post", "/api/v1/entities/{name}/compatibility"),
        CREATE_PRINCIPAL("post", "/api/v1/principals"),
        MAKE_ONESELF_ADMIN("patch", "/api/v1/principals/{name}"),
        CHANGE_ANOTHERS_ROLES("patch", "/api/v1/principals/{name}"),
        CHANGE_OWN_DISPLAY_NAME("patch", "/api/v1/principals/{name}"),
        CHANGE_ANOTHERS_DISPLAY_NAME("patch", "/api/v1/principals/{name}"),
        ISSUE_OWN_TOKEN("post", "/api/v1/principals/{name}/tokens"),
        ISSUE_ANOTHERS_TOKEN("post", "/api/v1/principals/{name}/tokens"),
        REVOKE_OWN_TOKEN("delete", "/api/v1/principals/{name}/tokens/{tokenId}"),
        REVOKE_ANOTHERS_TOKEN("delete", "/api/v1/principals/{name}/tokens/{tokenId}"),
        CREATE_WEBHOOK("post", "/api/v1/webhooks"),
        DELETE_OLIVES_WEBHOOK("delete", "/api/v1/webhooks/{id}"),
        // data-flow ownership records (issue 5)
        CREATE_SYSTEM("post", "/api/v1/systems"),
        UPDATE_SYSTEM("put", "/api/v1/systems/{code}"),
        DECLARE_SYSTEM_OF_RECORD("put", "/api/v1/systems-of-record"),
        WITHDRAW_SYSTEM_OF_RECORD("delete", "/api/v1/systems-of-record/{entity}/{system}"),
        CREATE_FLOW("post", "/api/v1/flows"),
        UPDATE_OWNED_FLOW("put", "/api/v1/flows/{flowId}"),
        REPORT_FLOW_RUN("post", "/api/v1/flows/{flowId}/runs"),
        DRY_RUN_OWNERSHIP_IMPORT("post", "/api/v1/import"),
        APPLY_OWNERSHIP_IMPORT("post", "/api/v1/import");

        final String method;
        final String specPath;

        Operation(String method, String specPath) {
            this.method = method;
            this.specPath = specPath;
        }
    }

    // @formatter:off
    /** The rule book. Columns in {@link Credential} order. */
    static final Object[][] MATRIX = {
        //                                   ANON UNKNOWN REVOKED EXPIRED ADMIN OWNER OTHER_OWNER DEVELOPER READER ADAPTER
        {Operation.CREATE_ENTITY,                401, 401,   401,    401,    201,  403,  403,        403,      403,   403},
        {Operation.UPDATE_OWNED_ENTITY_DESCRIPTION, 401, 401, 401,   401,    200,  200,  403,        403,      403,   403},
        {Operation.CHANGE_OWNED_ENTITY_OWNERS,   401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
        {Operation.OPEN_PROPOSAL,                401, 401,   401,    401,    201,  201,  201,        201,      403,   403},
        // proposed by another developer: the entity's owner or an ADMIN (standing in for an owner) approves
        {Operation.APPROVE_PROPOSAL,             401, 401,   401,    401,    200,  200,  403,        403,      403,   403},
        // proposed by the caller (where its role may propose): nobody approves their own change, not even an ADMIN
        {Operation.APPROVE_OWN_PROPOSAL,         401, 401,   401,    401,    403,  403,  403,        403,      403,   403},
        {Operation.REJECT_PROPOSAL,              401, 401,   401,    401,    200,  200,  403,        403,      403,   403},
        {Operation.WITHDRAW_OWN_PROPOSAL,        401, 401,   401,    401,    200,  200,  200,        200,      403,   403},
        {Operation.WITHDRAW_ANOTHERS_PROPOSAL,   401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
        {Operation.REBASE_ANOTHERS_PROPOSAL,     401, 401,   401,    401,    200,  200,  403,        403,      403,   403},
        {Operation.DEPRECATE_OWNED_VERSION,      401, 401,   401,    401,    200,  200,  403,        403,      403,   403},
        {Operation.RETIRE_OWNED_VERSION,         401, 401,   401,    401,    200,  200,  403,        403,      403,   403},
        {Operation.VALIDATE_PAYLOAD,             200, 401,   401,    401,    200,  200,  200,        200,      200,   200},
        {Operation.CHECK_COMPATIBILITY,          200, 401,   401,    401,    200,  200,  200,        200,      200,   200},
        {Operation.CHECK_ENTITY_COMPATIBILITY,   200, 401,   401,    401,    200,  200,  200,        200,      200,   200},
        {Operation.CREATE_PRINCIPAL,             401, 401,   401,    401,    201,  403,  403,        403,      403,   403},
        {Operation.MAKE_ONESELF_ADMIN,           401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
        {Operation.CHANGE_ANOTHERS_ROLES,        401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
        {Operation.CHANGE_OWN_DISPLAY_NAME,      401, 401,   401,    401,    200,  200,  200,        200,      200,   200},
        {Operation.CHANGE_ANOTHERS_DISPLAY_NAME, 401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
        {Operation.ISSUE_OWN_TOKEN,              401, 401,   401,    401,    201,  201,  201,        201,      201,   201},
        {Operation.ISSUE_ANOTHERS_TOKEN,         401, 401,   401,    401,    201,  403,  403,        403,      403,   403},
        {Operation.REVOKE_OWN_TOKEN,             401, 401,   401,    401,    204,  204,  204,        204,      204,   204},
        {Operation.REVOKE_ANOTHERS_TOKEN,        401, 401,   401,    401,    204,  403,  403,        403,      403,   403},
        {Operation.CREATE_WEBHOOK,               401, 401,   401,    401,    201,  201,  201,        403,      403,   403},
        // created by olive (OWNER) for each call: its creator or an ADMIN may delete it
        {Operation.DELETE_OLIVES_WEBHOOK,        401, 401,   401,    401,    204,  204,  403,        403,      403,   403},
        {Operation.CREATE_SYSTEM,                401, 401,   401,    401,    201,  403,  403,        403,      403,   403},
        {Operation.UPDATE_SYSTEM,                401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
        {Operation.DECLARE_SYSTEM_OF_RECORD,     401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
        {Operation.WITHDRAW_SYSTEM_OF_RECORD,    401, 401,   401,    401,    204,  403,  403,        403,      403,   403},
        {Operation.CREATE_FLOW,                  401, 401,   401,    401,    201,  403,  403,        403,      403,   403},
        {Operation.UPDATE_OWNED_FLOW,            401, 401,   401,    401,    200,  200,  403,        403,      403,   403},
        {Operation.REPORT_FLOW_RUN,              401, 401,   401,    401,    201,  403,  403,        403,      403,   201},
        {Operation.DRY_RUN_OWNERSHIP_IMPORT,     200, 401,   401,    401,    200,  200,  200,        200,      200,   200},
        {Operation.APPLY_OWNERSHIP_IMPORT,       401, 401,   401,    401,    200,  403,  403,        403,      403,   403},
    };
    // @formatter:on

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

    /** Principal name behind each credential that has one. */
    final Map<Credential, String> names = new EnumMap<>(Credential.class);
    final Map<Credential, String> tokens = new EnumMap<>(Credential.class);
    final AtomicInteger unique = new AtomicInteger();
    HttpProbe admin;
    TestPrincipals principals;

    @BeforeAll
    void setUp() {
        admin = HttpProbe.asAdmin(port);
        principals = new TestPrincipals(port);
        names.put(Credential.ADMIN, "admin");
        tokens.put(Credential.ADMIN, TestPrincipals.BOOTSTRAP_TOKEN);
        principal(Credential.OWNER, "olive", Role.OWNER);
        principal(Credential.OTHER_OWNER, "oscar", Role.OWNER);
        principal(Credential.DEVELOPER, "devon", Role.DEVELOPER);
        principal(Credential.READER, "rhea", Role.READER);
        principal(Credential.ADAPTER, "ada", Role.ADAPTER);
        principals.create("target", Role.READER);
        tokens.put(Credential.UNKNOWN_TOKEN, "crt_" + "Q".repeat(43));

        // An ADMIN's token, revoked: revocation must beat every role.
        principal(Credential.REVOKED_TOKEN, "rex", Role.ADMIN);
        String rexTokenId = admin.get("/api/v1/principals/rex/tokens").json().get(0).path("id").asString();
        assertThat(admin.method("DELETE", "/api/v1/principals/rex/tokens/" + rexTokenId).status()).isEqualTo(204);

        // An ADMIN's token that expires an hour after T0; the registry's clock then moves two hours on.
        principals.create("exa", Role.ADMIN);
        names.put(Credential.EXPIRED_TOKEN, "exa");
        tokens.put(Credential.EXPIRED_TOKEN, principals.issue("exa",
                "{\"label\":\"short\",\"expiresAt\":\"" + T0.plus(Duration.ofHours(1)) + "\"}").json().path("token").asString());
        clock.advance(Duration.ofHours(2));

        create("{\"name\":\"matrix-owned\",\"domain\":\"matrix\",\"owners\":[\"olive\"]}");
        create("{\"name\":\"matrix-other\",\"domain\":\"matrix\",\"owners\":[\"oscar\"]}");
        for (String code : List.of("matrix-a", "matrix-b")) {
            var system = admin.postJson("/api/v1/systems", "{\"code\":\"" + code + "\",\"name\":\"" + code
                    + "\",\"kind\":\"SAAS\",\"ownerTeam\":\"matrix\",\"description\":\"\",\"lifecycle\":\"ACTIVE\"}");
            assertThat(system.status()).as(system.toString()).isEqualTo(201);
        }
        var sor = admin.send("PUT", "/api/v1/systems-of-record",
                "{\"entity\":\"matrix-owned\",\"system\":\"matrix-a\",\"role\":\"AUTHORITATIVE\"}");
        assertThat(sor.status()).as(sor.toString()).isEqualTo(200);
        var flow = admin.postJson("/api/v1/flows", flow("matrix-flow", "olive", "first"));
        assertThat(flow.status()).as(flow.toString()).isEqualTo(201);
        principals.create(PROPOSER, Role.DEVELOPER);
        proposer = new HttpProbe(port).withBearer(principals.issueToken(PROPOSER, "matrix"));
        publish("{\"type\":\"object\"}");
    }

    /** A developer who is none of the callers: proposals that are "another's" come from here. */
    static final String PROPOSER = "pat";
    HttpProbe proposer;

    /** Opens a proposal on {@code matrix-owned} as {@code who} and returns its id. */
    private long open(HttpProbe who, String schema) {
        var reply = who.postJson("/api/v1/entities/matrix-owned/proposals",
                "{\"summary\":\"matrix\",\"schema\":" + schema + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    /** Publishes a version of {@code matrix-owned} (proposed by {@link #PROPOSER}, approved by the admin). */
    private String publish(String schema) {
        var reply = admin.postJson("/api/v1/proposals/" + open(proposer, schema) + "/approve", "{}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().path("publishedVersion").asString();
    }

    private static String schema(int n) {
        return "{\"type\":\"object\",\"title\":\"p" + n + "\"}";
    }

    /** The caller's own probe when its roles let it propose; otherwise the other developer's. */
    private HttpProbe ownProposer(Credential credential) {
        return switch (credential) {
            case ADMIN, OWNER, OTHER_OWNER, DEVELOPER -> new HttpProbe(port).withBearer(tokens.get(credential));
            default -> proposer;
        };
    }

    /** A flow of matrix-owned from matrix-a to matrix-b, as JSON. */
    static String flow(String id, String owner, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"entity\":\"matrix-owned\",\"consumesMajor\":1,"
                + "\"source\":\"matrix-a\",\"target\":\"matrix-b\",\"trigger\":{\"type\":\"EVENT\",\"expression\":\"e\"},"
                + "\"owner\":\"" + owner + "\",\"delivery\":{\"maxRetries\":1,\"backoff\":\"PT1S\",\"replayable\":false},"
                + "\"freshnessSla\":{\"maxAge\":\"PT1H\"},\"lifecycle\":\"ACTIVE\"}";
    }

    /** The ownership files of the matrix's own landscape, with {@code description} as matrix-b's description. */
    static String importBody(String description) {
        String systems = "systems:\n"
                + "  - {code: matrix-a, name: matrix-a, kind: SAAS, ownerTeam: matrix, description: '', lifecycle: ACTIVE}\n"
                + "  - {code: matrix-b, name: matrix-b, kind: SAAS, ownerTeam: matrix, description: '" + description
                + "', lifecycle: ACTIVE}\n";
        return "{\"files\":[{\"path\":\"ownership/systems.yaml\",\"content\":\"" + systems.replace("\n", "\\n") + "\"}]}";
    }

    private void principal(Credential credential, String name, Role role) {
        names.put(credential, name);
        tokens.put(credential, principals.tokenFor(name, role));
    }

    private void create(String entity) {
        var reply = admin.postJson("/api/v1/entities", entity);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    static Stream<Named<Object[]>> cases() {
        List<Named<Object[]>> cases = new ArrayList<>();
        for (Object[] row : MATRIX) {
            Operation operation = (Operation) row[0];
            for (Credential credential : Credential.values()) {
                int expected = (Integer) row[1 + credential.ordinal()];
                cases.add(Named.of(operation + " as " + credential + " -> " + expected,
                        new Object[] {operation, credential, expected}));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachCallerGetsTheStatusTheRuleBookSaysAndARefusalChangesNothing(Object[] row) {
        Operation operation = (Operation) row[0];
        Credential credential = (Credential) row[1];
        int expected = (Integer) row[2];
        HttpProbe caller = credential == Credential.ANONYMOUS ? new HttpProbe(port)
                : new HttpProbe(port).withBearer(tokens.get(credential));
        // Prepared as the admin before the snapshot, so the snapshot covers exactly the call under test.
        Request request = prepare(operation, credential);
        String before = snapshot();

        HttpProbe.Reply reply = caller.send(request.method, request.path, request.body);

        assertThat(reply.status()).as("%s as %s: %s", operation, credential, reply).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.problemType()).isEqualTo(expected == 401 ? "unauthorized"
                    : operation == Operation.APPROVE_OWN_PROPOSAL && ownProposer(credential) != proposer ? "self-approval"
                    : "forbidden");
            if (expected == 401) {
                assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
            }
            assertThat(snapshot()).as("the store after a refused %s as %s", operation, credential).isEqualTo(before);
        }
    }

    /** A concrete request: method, path and JSON body (null for none). */
    record Request(String method, String path, String body) {
    }

    private Request prepare(Operation operation, Credential credential) {
        int n = unique.incrementAndGet();
        String self = names.getOrDefault(credential, "devon");
        return switch (operation) {
            case CREATE_ENTITY -> new Request("POST", "/api/v1/entities",
                    "{\"name\":\"matrix-new-" + n + "\",\"domain\":\"matrix\"}");
            case UPDATE_OWNED_ENTITY_DESCRIPTION -> new Request("PATCH", "/api/v1/entities/matrix-owned",
                    "{\"description\":\"changed " + n + "\",\"compatibility\":\"FULL\"}");
            case CHANGE_OWNED_ENTITY_OWNERS -> new Request("PATCH", "/api/v1/entities/matrix-owned",
                    // the caller's own name added: the classic self-promotion
                    "{\"owners\":[\"olive\",\"" + self + "\",\"extra-" + n + "\"]}");
            case OPEN_PROPOSAL -> new Request("POST", "/api/v1/entities/matrix-owned/proposals",
                    "{\"summary\":\"matrix " + n + "\",\"schema\":" + schema(n) + "}");
            case APPROVE_PROPOSAL -> new Request("POST", "/api/v1/proposals/" + open(proposer, schema(n)) + "/approve",
                    "{\"comment\":\"ok\"}");
            case APPROVE_OWN_PROPOSAL -> new Request("POST",
                    "/api/v1/proposals/" + open(ownProposer(credential), schema(n)) + "/approve", "{}");
            case REJECT_PROPOSAL -> new Request("POST", "/api/v1/proposals/" + open(proposer, schema(n)) + "/reject",
                    "{\"comment\":\"no\"}");
            case WITHDRAW_OWN_PROPOSAL -> new Request("POST",
                    "/api/v1/proposals/" + open(ownProposer(credential), schema(n)) + "/withdraw", "{}");
            case WITHDRAW_ANOTHERS_PROPOSAL -> new Request("POST",
                    "/api/v1/proposals/" + open(proposer, schema(n)) + "/withdraw", "{}");
            case REBASE_ANOTHERS_PROPOSAL -> {
                long stale = open(proposer, schema(n));
                publish("{\"type\":\"object\",\"title\":\"q" + n + "\"}");
                yield new Request("POST", "/api/v1/proposals/" + stale + "/rebase", "{}");
            }
            case DEPRECATE_OWNED_VERSION -> new Request("POST",
                    "/api/v1/entities/matrix-owned/versions/" + publish(schema(n)) + "/deprecate",
                    "{\"sunsetDate\":\"2030-01-01\"}");
            case RETIRE_OWNED_VERSION -> {
                String version = publish(schema(n));
                var deprecated = admin.postJson("/api/v1/entities/matrix-owned/versions/" + version + "/deprecate",
                        "{\"sunsetDate\":\"2030-01-01\"}");
                assertThat(deprecated.status()).as(deprecated.toString()).isEqualTo(200);
                yield new Request("POST", "/api/v1/entities/matrix-owned/versions/" + version + "/retire", "{}");
            }
            case VALIDATE_PAYLOAD -> new Request("POST", "/api/v1/entities/matrix-owned/versions/1.0/validate", "{}");
            case CHECK_COMPATIBILITY -> new Request("POST", "/api/v1/compatibility/check",
                    "{\"old\":{\"type\":\"object\"},\"candidate\":{\"type\":\"object\"}}");
            case CHECK_ENTITY_COMPATIBILITY -> new Request("POST", "/api/v1/entities/matrix-owned/compatibility",
                    "{\"schema\":{\"type\":\"object\"}}");
            case CREATE_PRINCIPAL -> new Request("POST", "/api/v1/principals",
                    "{\"name\":\"new-" + n + "\",\"roles\":[\"ADMIN\"]}");
            case MAKE_ONESELF_ADMIN -> new Request("PATCH", "/api/v1/principals/" + self,
                    "{\"roles\":[\"ADMIN\"]}");
            case CHANGE_ANOTHERS_ROLES -> new Request("PATCH", "/api/v1/principals/target",
                    "{\"roles\":[" + (n % 2 == 0 ? "\"READER\"" : "\"READER\",\"DEVELOPER\"") + "]}");
            case CHANGE_OWN_DISPLAY_NAME -> new Request("PATCH", "/api/v1/principals/" + self,
                    "{\"displayName\":\"Self " + n + "\"}");
            case CHANGE_ANOTHERS_DISPLAY_NAME -> new Request("PATCH", "/api/v1/principals/target",
                    "{\"displayName\":\"Target " + n + "\"}");
            case ISSUE_OWN_TOKEN -> new Request("POST", "/api/v1/principals/" + self + "/tokens",
                    "{\"label\":\"own " + n + "\"}");
            case ISSUE_ANOTHERS_TOKEN -> new Request("POST", "/api/v1/principals/target/tokens",
                    "{\"label\":\"other " + n + "\"}");
            case REVOKE_OWN_TOKEN -> new Request("DELETE",
                    "/api/v1/principals/" + self + "/tokens/" + spareToken(self), null);
            case REVOKE_ANOTHERS_TOKEN -> new Request("DELETE",
                    "/api/v1/principals/target/tokens/" + spareToken("target"), null);
            case CREATE_WEBHOOK -> new Request("POST", "/api/v1/webhooks", "{\"url\":\"https://hooks.example.com/matrix-"
                    + n + "\",\"eventTypes\":[\"org.canonicalregistry.proposal.opened\"]}");
            case DELETE_OLIVES_WEBHOOK -> new Request("DELETE", "/api/v1/webhooks/" + olivesWebhook(n), null);
            case CREATE_SYSTEM -> new Request("POST", "/api/v1/systems", "{\"code\":\"matrix-s" + n
                    + "\",\"name\":\"s\",\"kind\":\"SAAS\",\"ownerTeam\":\"matrix\",\"description\":\"\",\"lifecycle\":\"ACTIVE\"}");
            case UPDATE_SYSTEM -> new Request("PUT", "/api/v1/systems/matrix-b", "{\"code\":\"matrix-b\",\"name\":\"b " + n
                    + "\",\"kind\":\"SAAS\",\"ownerTeam\":\"matrix\",\"description\":\"\",\"lifecycle\":\"ACTIVE\"}");
            case DECLARE_SYSTEM_OF_RECORD -> new Request("PUT", "/api/v1/systems-of-record",
                    "{\"entity\":\"matrix-owned\",\"system\":\"matrix-b\",\"role\":\"CONTRIBUTOR\",\"rank\":" + n + "}");
            case WITHDRAW_SYSTEM_OF_RECORD -> {
                var declared = admin.send("PUT", "/api/v1/systems-of-record",
                        "{\"entity\":\"matrix-owned\",\"system\":\"matrix-b\",\"role\":\"RECEIVER\"}");
                assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
                yield new Request("DELETE", "/api/v1/systems-of-record/matrix-owned/matrix-b", null);
            }
            case CREATE_FLOW -> new Request("POST", "/api/v1/flows", flow("matrix-flow-" + n, "olive", "new"));
            case UPDATE_OWNED_FLOW -> new Request("PUT", "/api/v1/flows/matrix-flow",
                    flow("matrix-flow", "olive", "renamed " + n));
            case REPORT_FLOW_RUN -> new Request("POST", "/api/v1/flows/matrix-flow/runs", "{\"runId\":\"run-" + n
                    + "\",\"startedAt\":\"" + T0 + "\",\"endedAt\":\"" + T0.plusSeconds(5) + "\",\"status\":\"SUCCEEDED\","
                    + "\"counts\":{\"received\":1,\"accepted\":1,\"rejected\":0,\"deadLettered\":0,\"replayed\":0},"
                    + "\"schemaVersions\":[\"matrix-owned@1.0\"]}");
            case DRY_RUN_OWNERSHIP_IMPORT -> new Request("POST", "/api/v1/import", importBody("dry " + n));
            case APPLY_OWNERSHIP_IMPORT -> new Request("POST", "/api/v1/import?apply=true", importBody("applied " + n));
        };
    }

    /** A fresh token for {@code name}, issued by the admin, whose id the call under test may revoke. */
    private String spareToken(String name) {
        return principals.issue(name, "{\"label\":\"spare\"}").json().path("id").asString();
    }

    /** A webhook subscription created by olive (OWNER) with her own token, whose id the call under test may delete. */
    private String olivesWebhook(int n) {
        var reply = new HttpProbe(port).withBearer(tokens.get(Credential.OWNER)).postJson("/api/v1/webhooks",
                "{\"url\":\"https://hooks.example.com/olive-" + n + "\",\"eventTypes\":[\"org.canonicalregistry.version.retired\"]}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    /** Everything the writes above could touch, as text. */
    private String snapshot() {
        StringBuilder state = new StringBuilder();
        for (String query : List.of(
                "SELECT name, domain, description, compatibility_mode, compatibility_policy, system_of_record, updated_at FROM entity ORDER BY name",
                "SELECT entity_name, principal FROM entity_owner ORDER BY entity_name, principal",
                "SELECT global_id, entity_name, major, minor, fingerprint, state, sunset_date FROM schema_version ORDER BY global_id",
                "SELECT id, state, approvals_json, base_version, updated_at FROM change_proposal ORDER BY id",
                "SELECT proposal_id, seq, action FROM proposal_history ORDER BY proposal_id, seq",
                "SELECT name, display_name, email, updated_at FROM principal ORDER BY name",
                "SELECT principal_name, role FROM principal_role ORDER BY principal_name, role",
                "SELECT id, principal_name, label, token_hash, expires_at, revoked_at FROM api_token ORDER BY id",
                "SELECT id, url, created_by FROM webhook_subscription ORDER BY id",
                "SELECT code, name, description, updated_at FROM connected_system ORDER BY code",
                "SELECT entity_name, system_code, role, source_rank FROM system_of_record ORDER BY entity_name, system_code",
                "SELECT id, name, owner, updated_at FROM data_flow ORDER BY id",
                "SELECT run_id FROM flow_run ORDER BY run_id",
                "SELECT COUNT(*), MAX(sequence) FROM audit_event")) {
            state.append(query).append('\n');
            jdbc.sql(query).query((rs, n) -> {
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    state.append(rs.getString(c)).append('|');
                }
                return state.append('\n');
            }).list();
        }
        return state.toString();
    }

    @Test
    void everyWriteOperationOfTheContractHasARowInTheMatrix() {
        Set<String> covered = new TreeSet<>();
        for (Object[] row : MATRIX) {
            Operation operation = (Operation) row[0];
            covered.add(operation.method.toUpperCase(Locale.ROOT) + " " + operation.specPath);
            assertThat(row).as("row %s has one status per credential", operation).hasSize(1 + Credential.values().length);
        }
        assertThat(covered).as("operations the matrix covers").containsAll(writeOperationsOfTheSpec());
        assertThat(writeOperationsOfTheSpec()).as("every matrix operation exists in the spec").containsAll(covered);
    }

    /** Every non-GET operation of the served contract, as {@code METHOD /path}. */
    @SuppressWarnings("unchecked")
    static Set<String> writeOperationsOfTheSpec() {
        try (InputStream in = new ClassPathResource("openapi/registry-api.yaml").getInputStream()) {
            Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Set<String> operations = new TreeSet<>();
            Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) spec.get("paths");
            paths.forEach((path, item) -> item.keySet().stream()
                    .filter(method -> Set.of("post", "put", "patch", "delete").contains(method))
                    .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
            assertThat(operations).as("the spec has write operations").isNotEmpty();
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
