package org.canonicalregistry.registry.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.canonicalregistry.client.ApiClient;
import org.canonicalregistry.client.ApiException;
import org.canonicalregistry.client.ApiResponse;
import org.canonicalregistry.client.Problems;
import org.canonicalregistry.client.api.EntitiesApi;
import org.canonicalregistry.client.api.PrincipalsApi;
import org.canonicalregistry.client.api.ProposalsApi;
import org.canonicalregistry.client.api.SchemasApi;
import org.canonicalregistry.client.model.DecisionRequest;
import org.canonicalregistry.client.model.DeprecationRequest;
import org.canonicalregistry.client.model.EntityCreateRequest;
import org.canonicalregistry.client.model.PrincipalCreateRequest;
import org.canonicalregistry.client.model.ProblemDetails;
import org.canonicalregistry.client.model.Proposal;
import org.canonicalregistry.client.model.ProposalRequest;
import org.canonicalregistry.client.model.ProposalState;
import org.canonicalregistry.client.model.ProposalSummary;
import org.canonicalregistry.client.model.Role;
import org.canonicalregistry.client.model.SchemaState;
import org.canonicalregistry.client.model.SchemaVersion;
import org.canonicalregistry.client.model.TokenCreateRequest;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestPrincipals;
import org.canonicalregistry.registry.web.HttpProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The governance workflow end to end through the generated Java client, on real PostgreSQL, as an integrator or the
 * codegen plugin would drive it: each principal holds its own bearer token.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProposalApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    ApiClient admin;
    ApiClient dana;
    ApiClient olivia;
    ApiClient oscar;
    ApiClient rita;

    @BeforeAll
    void principals() throws ApiException {
        admin = client(TestPrincipals.BOOTSTRAP_TOKEN);
        dana = client(tokenFor("dana", Role.DEVELOPER));
        olivia = client(tokenFor("olivia", Role.OWNER));
        oscar = client(tokenFor("oscar", Role.OWNER));
        rita = client(tokenFor("rita", Role.READER));
    }

    ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    String tokenFor(String name, Role role) throws ApiException {
        PrincipalsApi principals = new PrincipalsApi(admin);
        principals.createPrincipal(new PrincipalCreateRequest().name(name).displayName(name).roles(List.of(role.getValue())));
        return principals.issueToken(name, new TokenCreateRequest().label("test")).getToken();
    }

    void entity(String name) throws ApiException {
        new EntitiesApi(admin).createEntity(new EntityCreateRequest().name(name).domain("sales")
                .owners(List.of("olivia", "oscar")));
    }

    JsonNode schema(String... properties) {
        StringBuilder props = new StringBuilder();
        for (String p : properties) {
            props.append(props.isEmpty() ? "" : ",").append("\"").append(p).append("\":{\"type\":\"string\"}");
        }
        return json.readTree("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object","properties":{%s},
                 "required":["%s"],"additionalProperties":false}""".formatted(props, properties[0]));
    }

    Proposal propose(ApiClient who, String entity, JsonNode schema, String summary) throws ApiException {
        return new ProposalsApi(who).openProposal(entity, new ProposalRequest().schema(schema).summary(summary));
    }

    static ProblemDetails problem(ApiException e) {
        return Problems.from(e).orElseThrow();
    }

    @Test
    void aDeveloperProposesTheOwnerSeesItInTheInboxApprovesAndTheVersionIsPublished() throws ApiException {
        entity("party");

        Proposal opened = propose(dana, "party", schema("id"), "first party schema");

        assertThat(opened.getState()).isEqualTo(ProposalState.OPEN);
        assertThat(opened.getProposedVersion()).isEqualTo("1.0");
        assertThat(opened.getUrl()).endsWith("/api/v1/proposals/" + opened.getId());
        assertThat(opened.getRequiredApprovals()).singleElement()
                .satisfies(a -> assertThat(a.getCandidates()).containsExactly("olivia", "oscar"));
        List<ProposalSummary> inbox = new ProposalsApi(olivia).listProposals(null, null, "me", null);
        assertThat(inbox).extracting(ProposalSummary::getId).contains(opened.getId());
        assertThat(new ProposalsApi(dana).listProposals(null, null, "me", null))
                .extracting(ProposalSummary::getId).doesNotContain(opened.getId());

        ApiException self = catchThrowableOfType(ApiException.class,
                () -> new ProposalsApi(dana).approveProposal(opened.getId(), new DecisionRequest().comment("mine")));
        assertThat(self.getCode()).isEqualTo(403);
        assertThat(problem(self).getType().toString()).endsWith("/self-approval");

        Proposal published = new ProposalsApi(olivia).approveProposal(opened.getId(),
                new DecisionRequest().comment("approved for sales"));

        assertThat(published.getState()).isEqualTo(ProposalState.PUBLISHED);
        assertThat(published.getPublishedVersion()).isEqualTo("1.0");
        assertThat(published.getDecisions()).singleElement().satisfies(d -> {
            assertThat(d.getPrincipal()).isEqualTo("olivia");
            assertThat(d.getComment()).isEqualTo("approved for sales");
        });
        SchemaVersion v = new SchemasApi(rita).getSchemaVersion("party", "latest");
        assertThat(v.getVersion()).isEqualTo("1.0");
        assertThat(v.getCreatedBy()).isEqualTo("dana");
        assertThat(v.getGlobalId()).isEqualTo(published.getPublishedGlobalId());
        assertThat(new ProposalsApi(olivia).listProposals(null, "party", "me", null)).isEmpty();
    }

    @Test
    void aBreakingChangeShowsItsWitnessAndOpensTheNextMajor() throws ApiException {
        entity("shipment");
        new ProposalsApi(oscar).approveProposal(propose(dana, "shipment", schema("id", "note"), "v1").getId(), null);

        Proposal breaking = propose(dana, "shipment", schema("note", "id"), "note becomes required");

        assertThat(breaking.getBreaking()).isTrue();
        assertThat(breaking.getProposedVersion()).isEqualTo("2.0");
        assertThat(breaking.getBaseVersion()).isEqualTo("1.0");
        assertThat(breaking.getVerdict().getCompatible()).isFalse();
        assertThat(breaking.getVerdict().getWitnesses()).isNotEmpty().allSatisfy(w -> {
            assertThat(w.getAcceptedBy()).isEqualTo("1.0");
            assertThat(w.getRejectedBy()).isEqualTo("proposed");
        });
        assertThat(breaking.getImpact().getFlows()).isEmpty();
        assertThat(new ProposalsApi(olivia).approveProposal(breaking.getId(), null).getPublishedVersion())
                .isEqualTo("2.0");
    }

    @Test
    void aStaleProposalIsRebasedAndARejectionLeavesTheVersionsUntouched() throws ApiException {
        entity("invoice-line");
        new ProposalsApi(olivia).approveProposal(propose(dana, "invoice-line", schema("id"), "v1").getId(), null);
        Proposal first = propose(dana, "invoice-line", schema("id", "amount"), "add amount");
        Proposal second = propose(dana, "invoice-line", schema("id", "currency"), "add currency");
        Proposal third = propose(dana, "invoice-line", schema("id", "fax"), "add fax");

        new ProposalsApi(olivia).approveProposal(first.getId(), null);

        ProposalsApi asOscar = new ProposalsApi(oscar);
        assertThat(asOscar.getProposal(second.getId()).getState()).isEqualTo(ProposalState.STALE);
        ApiException stale = catchThrowableOfType(ApiException.class, () -> asOscar.approveProposal(second.getId(), null));
        assertThat(stale.getCode()).isEqualTo(409);
        assertThat(problem(stale).getType().toString()).endsWith("/proposal-state-conflict");

        Proposal rebased = new ProposalsApi(dana).rebaseProposal(second.getId(), null);
        assertThat(rebased.getState()).isEqualTo(ProposalState.OPEN);
        assertThat(rebased.getBaseVersion()).isEqualTo("1.1");
        assertThat(asOscar.approveProposal(second.getId(), null).getState()).isEqualTo(ProposalState.PUBLISHED);

        List<SchemaVersion> before = versions("invoice-line");
        new ProposalsApi(dana).rebaseProposal(third.getId(), null);
        ApiException noComment = catchThrowableOfType(ApiException.class,
                () -> asOscar.rejectProposal(third.getId(), new DecisionRequest()));
        assertThat(noComment.getCode()).isEqualTo(400);
        Proposal rejected = asOscar.rejectProposal(third.getId(), new DecisionRequest().comment("we do not store faxes"));
        assertThat(rejected.getState()).isEqualTo(ProposalState.REJECTED);
        assertThat(versions("invoice-line")).isEqualTo(before);
    }

    @Test
    void twoOwnersApprovingAtOnceThroughTheClientPublishExactlyOnce() throws Exception {
        entity("voucher");
        new ProposalsApi(olivia).approveProposal(propose(dana, "voucher", schema("id"), "v1").getId(), null);
        Proposal p = propose(dana, "voucher", schema("id", "code"), "add code");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (ApiClient owner : List.of(olivia, oscar)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        new ProposalsApi(owner).approveProposal(p.getId(), null);
                        return 200;
                    } catch (ApiException e) {
                        return e.getCode();
                    }
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions("voucher")).extracting(SchemaVersion::getVersion).containsExactly("1.0", "1.1");
    }

    @Test
    void ownersDeprecateAndEveryReadFlagsIt() throws ApiException {
        entity("coupon");
        new ProposalsApi(olivia).approveProposal(propose(dana, "coupon", schema("id"), "v1").getId(), null);
        new ProposalsApi(olivia).approveProposal(propose(dana, "coupon", schema("id", "n"), "v1.1").getId(), null);
        LocalDate sunset = LocalDate.now().plusDays(30);

        ApiException developer = catchThrowableOfType(ApiException.class, () -> new SchemasApi(dana)
                .deprecateSchemaVersion("coupon", "1.0", new DeprecationRequest().sunsetDate(sunset)));
        assertThat(developer.getCode()).isEqualTo(403);
        new SchemasApi(oscar).deprecateSchemaVersion("coupon", "1.0",
                new DeprecationRequest().sunsetDate(sunset).replacement("1.1"));

        ApiResponse<SchemaVersion> read = new SchemasApi(rita).getSchemaVersionWithHttpInfo("coupon", "1.0");
        assertThat(read.getData().getState()).isEqualTo(SchemaState.DEPRECATED);
        assertThat(read.getData().getSunsetDate()).isEqualTo(sunset);
        assertThat(read.getData().getReplacement()).isEqualTo("coupon@1.1");
        assertThat(read.getHeaders().get("deprecation")).singleElement().asString().startsWith("@");
        assertThat(read.getHeaders().get("sunset")).singleElement().asString().endsWith("GMT");
        assertThat(read.getHeaders().get("link")).singleElement().asString()
                .contains("/api/v1/entities/coupon/versions/1.1").contains("successor-version");
    }

    @Test
    void writesNeedAnAuthenticatedPrincipalWithTheRightRole() throws ApiException {
        entity("receipt");
        long before = jdbc.sql("SELECT COUNT(*) FROM change_proposal").query(Long.class).single();

        ApiException anonymous = catchThrowableOfType(ApiException.class,
                () -> propose(client(null), "receipt", schema("id"), "anonymous"));
        ApiException reader = catchThrowableOfType(ApiException.class,
                () -> propose(rita, "receipt", schema("id"), "reader"));

        assertThat(anonymous.getCode()).isEqualTo(401);
        assertThat(anonymous.getResponseHeaders().firstValue("www-authenticate")).hasValueSatisfying(
                h -> assertThat(h).startsWith("Bearer"));
        assertThat(reader.getCode()).isEqualTo(403);
        assertThat(problem(reader).getType().toString()).endsWith("/forbidden");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM change_proposal").query(Long.class).single()).isEqualTo(before);
        assertThat(Set.of(anonymous.getCode(), reader.getCode())).doesNotContain(201);
    }

    @Test
    void malformedAndOversizedDecisionsAreRefusedPreciselyAndChangeNothing() throws ApiException {
        entity("ticket");
        Proposal p = propose(dana, "ticket", schema("id"), "v1");
        String before = jdbc.sql("SELECT state || updated_at FROM change_proposal WHERE id = ?").param(p.getId())
                .query(String.class).single();
        HttpProbe owner = HttpProbe.asAdmin(port);
        String approve = "/api/v1/proposals/" + p.getId() + "/approve";

        HttpProbe.Reply malformed = owner.postJson(approve, "{\"comment\": ");
        HttpProbe.Reply tooLong = owner.postJson(approve, "{\"comment\":\"" + "x".repeat(2001) + "\"}");
        HttpProbe.Reply notAnId = owner.postJson("/api/v1/proposals/abc/approve", "{}");
        HttpProbe.Reply zero = owner.postJson("/api/v1/proposals/0/approve", "{}");
        HttpProbe.Reply missing = owner.postJson("/api/v1/proposals/987654321/approve", "{}");
        HttpProbe.Reply noSummary = owner.postJson("/api/v1/entities/ticket/proposals", "{\"schema\":{}}");
        HttpProbe.Reply badAwaiting = owner.get("/api/v1/proposals?awaiting=you");

        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("malformed-request");
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.problemType()).isEqualTo("validation-failed");
        assertThat(tooLong.json().path("detail").asString()).contains("/comment");
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo("proposal-not-found");
        assertThat(noSummary.status()).as(noSummary.toString()).isEqualTo(400);
        assertThat(noSummary.json().path("detail").asString()).contains("summary");
        assertThat(badAwaiting.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT state || updated_at FROM change_proposal WHERE id = ?").param(p.getId())
                .query(String.class).single()).isEqualTo(before);
    }

    private List<SchemaVersion> versions(String entity) throws ApiException {
        List<SchemaVersion> out = new ArrayList<>();
        for (var summary : new SchemasApi(rita).listSchemaVersions(entity)) {
            out.add(new SchemasApi(rita).getSchemaVersion(entity, summary.getVersion()));
        }
        return out;
    }
}
