package org.canonicalregistry.registry.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.canonicalregistry.registry.audit.AuditedChange;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.schema.SchemaState;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.schema.VersionSelector;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The governance workflow at the service layer on real PostgreSQL: who must approve, what publishing does, and that
 * every refusal leaves the store as it was. The HTTP surface and the generated client are exercised by
 * {@code ProposalApiIT}.
 */
@FreshPostgresSchema
@RecordApplicationEvents
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ProposalWorkflowIT {

    static final Principal DANA = principal("dana", Role.DEVELOPER);
    static final Principal OLIVIA = principal("olivia", Role.OWNER);
    static final Principal OSCAR = principal("oscar", Role.OWNER);
    static final Principal FIONA = principal("fiona", Role.OWNER);
    static final Principal ADA = principal("ada", Role.ADMIN);
    static final Principal RITA = principal("rita", Role.READER);

    /** Stands in for the data-flows feature (a later issue): the flows each test says carry the entity. */
    static final List<ImpactedFlow> FLOWS = new ArrayList<>();

    @TestConfiguration
    static class Flows {
        @Bean
        @Primary
        FlowImpact recordedFlows() {
            return (entity, baseMajor, breaking) -> List.copyOf(FLOWS);
        }
    }

    @Autowired
    ProposalService proposals;

    @Autowired
    EntityService entities;

    @Autowired
    SchemaVersionService versions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void noFlows() {
        FLOWS.clear();
    }

    static Principal principal(String name, Role... roles) {
        return new Principal(name, name, name + "@example.com", EnumSet.copyOf(List.of(roles)));
    }

    JsonNode schema(String required, String... optional) {
        StringBuilder props = new StringBuilder("\"" + required + "\":{\"type\":\"string\"}");
        for (String o : optional) {
            props.append(",\"").append(o).append("\":{\"type\":\"string\"}");
        }
        return json.readTree("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{%s},"required":["%s"],"additionalProperties":false}""".formatted(props, required));
    }

    String entity(String name, String... owners) {
        entities.create(ADA, new NewEntity(name, "test", null, Set.of(owners), CompatibilityMode.BACKWARD_TRANSITIVE, null, null));
        return name;
    }

    /** Opens and has it approved by {@code approver}: the entity's first version, 1.0. */
    SchemaVersion published(String entity, JsonNode schema, Principal approver) {
        ChangeProposal p = proposals.open(DANA, entity, schema, "first schema", null, null).proposal();
        ChangeProposal done = proposals.approve(approver, p.id(), "ok");
        assertThat(done.state()).isEqualTo(ProposalState.PUBLISHED);
        return versions.get(entity, VersionSelector.parse(done.publishedVersion()));
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void aCompatibleChangeApprovedByAnOwnerIsPublishedAsTheNextMinor() {
        String e = entity("customer-a", "olivia", "oscar");
        SchemaVersion first = published(e, schema("id"), OLIVIA);
        assertThat(first.version()).isEqualTo("1.0");
        assertThat(first.createdBy()).isEqualTo("dana");

        ChangeProposal p = proposals.open(DANA, e, schema("id", "email"), "add optional email", "CRM sends it", null)
                .proposal();

        assertThat(p.state()).isEqualTo(ProposalState.OPEN);
        assertThat(p.baseVersion()).isEqualTo("1.0");
        assertThat(p.proposedVersion()).isEqualTo("1.1");
        assertThat(p.breaking()).isFalse();
        assertThat(json.readTree(p.verdictJson()).get("compatible").asBoolean()).isTrue();
        assertThat(p.approvals()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(RequiredApproval.Kind.ENTITY_OWNER);
            assertThat(a.candidates()).containsExactly("olivia", "oscar");
        });
        assertThat(versions.list(e)).hasSize(1);

        ChangeProposal done = proposals.approve(OSCAR, p.id(), "fine by finance");

        assertThat(done.state()).isEqualTo(ProposalState.PUBLISHED);
        assertThat(done.publishedVersion()).isEqualTo("1.1");
        SchemaVersion v = versions.get(e, VersionSelector.parse("latest"));
        assertThat(v.version()).isEqualTo("1.1");
        assertThat(v.globalId()).isEqualTo(done.publishedGlobalId());
        assertThat(v.fingerprint()).isEqualTo(p.fingerprint());
        assertThat(v.createdBy()).isEqualTo("dana");
        assertThat(proposals.history(p.id())).extracting(HistoryEntry::action).containsExactly(
                HistoryEntry.Action.OPENED, HistoryEntry.Action.APPROVED, HistoryEntry.Action.PUBLISHED);
        assertThat(proposals.history(p.id()).get(1)).satisfies(h -> {
            assertThat(h.actor()).isEqualTo("oscar");
            assertThat(h.comment()).isEqualTo("fine by finance");
            assertThat(h.asAdmin()).isFalse();
            assertThat(h.state()).isEqualTo(ProposalState.APPROVED);
        });
    }

    @Test
    void aBreakingChangeOpensTheNextMajorAndWaitsForEveryFlowOwner() {
        String e = entity("customer-b", "olivia");
        published(e, schema("id", "email"), OLIVIA);
        FLOWS.add(new ImpactedFlow("crm-to-billing", "CRM to billing", "fiona", 1, "crm", "billing", true));
        FLOWS.add(new ImpactedFlow("crm-to-erp", "CRM to ERP", "oscar", 1, "crm", "erp", true));

        // email becomes required: old messages without it no longer validate.
        ChangeProposal p = proposals.open(DANA, e, schema("email", "id"), "email required", null, null).proposal();

        assertThat(p.breaking()).isTrue();
        assertThat(p.proposedVersion()).isEqualTo("2.0");
        assertThat(p.baseVersion()).isEqualTo("1.0");
        JsonNode verdict = json.readTree(p.verdictJson());
        assertThat(verdict.get("compatible").asBoolean()).isFalse();
        assertThat(verdict.get("witnesses").size()).isPositive();
        assertThat(verdict.get("witnesses").get(0).get("rejectedBy").asString()).isEqualTo("proposed");
        assertThat(p.impact()).extracting(ImpactedFlow::flowId).containsExactly("crm-to-billing", "crm-to-erp");
        assertThat(p.approvals()).extracting(RequiredApproval::kind, RequiredApproval::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RequiredApproval.Kind.ENTITY_OWNER, e),
                org.assertj.core.groups.Tuple.tuple(RequiredApproval.Kind.FLOW_OWNER, "crm-to-billing"),
                org.assertj.core.groups.Tuple.tuple(RequiredApproval.Kind.FLOW_OWNER, "crm-to-erp"));

        assertThat(proposals.approve(OLIVIA, p.id(), null).state()).isEqualTo(ProposalState.OPEN);
        assertThat(proposals.approve(FIONA, p.id(), null).state()).isEqualTo(ProposalState.OPEN);
        // An ADMIN does not speak for a flow owner who can speak for themselves.
        assertThatThrownBy(() -> proposals.approve(ADA, p.id(), null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.FORBIDDEN))
                .hasMessageContaining("flow 'crm-to-erp'");
        assertThat(versions.list(e)).hasSize(1);

        ChangeProposal done = proposals.approve(OSCAR, p.id(), "ERP mapping updated");

        assertThat(done.state()).isEqualTo(ProposalState.PUBLISHED);
        assertThat(done.publishedVersion()).isEqualTo("2.0");
        assertThat(versions.list(e)).extracting(SchemaVersion::version).containsExactly("1.0", "2.0");
    }

    @Test
    void nobodyApprovesTheirOwnChangeEvenAsAnAdminAndAnAdminStandsInForAnOnlyOwner() {
        String e = entity("customer-c", "olivia");
        published(e, schema("id"), OLIVIA);
        Principal oliviaAdmin = principal("olivia", Role.OWNER, Role.ADMIN);
        ChangeProposal p = proposals.open(oliviaAdmin, e, schema("id", "name"), "add name", null, null).proposal();
        assertThat(p.approvals().get(0).candidates()).isEmpty();
        long versionsBefore = count("schema_version");

        assertThatThrownBy(() -> proposals.approve(oliviaAdmin, p.id(), "looks good to me"))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.SELF_APPROVAL));
        assertThatThrownBy(() -> proposals.approve(OSCAR, p.id(), null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        assertThat(proposals.get(p.id()).state()).isEqualTo(ProposalState.OPEN);
        assertThat(count("schema_version")).isEqualTo(versionsBefore);
        assertThat(proposals.history(p.id())).hasSize(1);

        ChangeProposal done = proposals.approve(ADA, p.id(), "approved for the owner, who proposed it");

        assertThat(done.state()).isEqualTo(ProposalState.PUBLISHED);
        assertThat(done.approvals().get(0).satisfiedAsAdmin()).isTrue();
        assertThat(proposals.history(p.id()).get(1).asAdmin()).isTrue();
    }

    @Test
    void aProposalMadeStaleByAnotherPublicationMustBeRebasedBeforeApproval() {
        String e = entity("customer-d", "olivia");
        published(e, schema("id"), OLIVIA);
        ChangeProposal first = proposals.open(DANA, e, schema("id", "email"), "add email", null, null).proposal();
        ChangeProposal second = proposals.open(DANA, e, schema("id", "phone"), "add phone", null, null).proposal();
        assertThat(second.proposedVersion()).isEqualTo("1.1");

        proposals.approve(OLIVIA, first.id(), null);

        ChangeProposal stale = proposals.get(second.id());
        assertThat(stale.state()).isEqualTo(ProposalState.STALE);
        assertThatThrownBy(() -> proposals.approve(OLIVIA, second.id(), null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.PROPOSAL_STATE_CONFLICT))
                .hasMessageContaining("rebase");

        ChangeProposal rebased = proposals.rebase(DANA, second.id(), null);

        assertThat(rebased.state()).isEqualTo(ProposalState.OPEN);
        assertThat(rebased.baseVersion()).isEqualTo("1.1");
        // 1.2 drops the email that 1.1 added: under BACKWARD_TRANSITIVE with a closed model that breaks 1.1.
        assertThat(rebased.breaking()).isTrue();
        assertThat(rebased.proposedVersion()).isEqualTo("2.0");
        assertThat(rebased.approvals()).allSatisfy(a -> assertThat(a.satisfied()).isFalse());
        assertThat(proposals.history(second.id())).extracting(HistoryEntry::action).containsExactly(
                HistoryEntry.Action.OPENED, HistoryEntry.Action.STALE, HistoryEntry.Action.REBASED);

        assertThat(proposals.approve(OLIVIA, second.id(), null).publishedVersion()).isEqualTo("2.0");
    }

    @Test
    void aRejectionNeedsACommentAndLeavesThePublishedVersionsUntouched() {
        String e = entity("customer-e", "olivia");
        SchemaVersion first = published(e, schema("id"), OLIVIA);
        ChangeProposal p = proposals.open(DANA, e, schema("id", "fax"), "add fax", null, null).proposal();
        List<SchemaVersion> before = versions.list(e);

        assertThatThrownBy(() -> proposals.reject(OLIVIA, p.id(), " "))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED));
        assertThatThrownBy(() -> proposals.reject(DANA, p.id(), "never mind"))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.FORBIDDEN))
                .hasMessageContaining("withdraw");
        ChangeProposal rejected = proposals.reject(OLIVIA, p.id(), "nobody sends faxes");

        assertThat(rejected.state()).isEqualTo(ProposalState.REJECTED);
        assertThat(versions.list(e)).isEqualTo(before);
        assertThat(versions.get(e, VersionSelector.parse("latest"))).isEqualTo(first);
        assertThatThrownBy(() -> proposals.approve(OLIVIA, p.id(), null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.PROPOSAL_STATE_CONFLICT));
        assertThat(proposals.history(p.id()).get(1).comment()).isEqualTo("nobody sends faxes");
    }

    @Test
    void twoOwnersApprovingAtOnceYieldExactlyOnePublishedVersion() throws Exception {
        String e = entity("customer-f", "olivia", "oscar");
        published(e, schema("id"), OLIVIA);
        for (int round = 0; round < 5; round++) {
            ChangeProposal p = proposals.open(DANA, e, schema("id", "field" + round), "round " + round, null, null)
                    .proposal();
            int before = versions.list(e).size();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<ProposalState>> results = new ArrayList<>();
                for (Principal owner : List.of(OLIVIA, OSCAR)) {
                    Callable<ProposalState> approve = () -> {
                        start.await();
                        try {
                            return proposals.approve(owner, p.id(), null).state();
                        } catch (RegistryException ex) {
                            assertThat(ex.problemType()).isEqualTo(ProblemType.PROPOSAL_STATE_CONFLICT);
                            return null;
                        }
                    };
                    results.add(pool.submit(approve));
                }
                start.countDown();
                List<ProposalState> outcomes = new ArrayList<>();
                for (Future<ProposalState> f : results) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsOnlyOnce(ProposalState.PUBLISHED).containsOnlyOnce((ProposalState) null);
            } finally {
                pool.shutdownNow();
            }
            assertThat(versions.list(e)).hasSize(before + 1);
            assertThat(proposals.get(p.id()).state()).isEqualTo(ProposalState.PUBLISHED);
        }
    }

    @Test
    void rolesAndOwnershipDecideWhoMayDoWhat() {
        String e = entity("customer-g", "olivia");
        published(e, schema("id"), OLIVIA);
        long before = count("change_proposal");

        assertThatThrownBy(() -> proposals.open(RITA, e, schema("id", "x"), "reader tries", null, null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        assertThat(count("change_proposal")).isEqualTo(before);

        ChangeProposal p = proposals.open(OSCAR, e, schema("id", "y"), "an owner of another entity proposes", null, null)
                .proposal();
        assertThatThrownBy(() -> proposals.withdraw(DANA, p.id(), null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> proposals.reject(DANA, p.id(), "not mine to reject"))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        assertThat(proposals.list(null, e, DANA, 100)).isEmpty();
        assertThat(proposals.list(null, e, OLIVIA, 100)).extracting(ChangeProposal::id).containsExactly(p.id());
        assertThat(proposals.list(null, e, OSCAR, 100)).isEmpty();

        assertThat(proposals.withdraw(OSCAR, p.id(), "wrong entity").state()).isEqualTo(ProposalState.WITHDRAWN);
        assertThat(proposals.list(null, e, OLIVIA, 100)).isEmpty();
    }

    @Test
    void identicalContentIsIdempotentAndContentEqualToAVersionIsAConflict() {
        String e = entity("customer-h", "olivia");
        published(e, schema("id"), OLIVIA);
        OpenedProposal first = proposals.open(DANA, e, schema("id", "z"), "add z", null, null);
        long before = count("change_proposal");

        OpenedProposal again = proposals.open(DANA, e, schema("id", "z"), "add z again", null, null);

        assertThat(first).isInstanceOf(OpenedProposal.Opened.class);
        assertThat(again).isInstanceOf(OpenedProposal.AlreadyProposed.class);
        assertThat(again.proposal().id()).isEqualTo(first.proposal().id());
        assertThat(count("change_proposal")).isEqualTo(before);
        assertThatThrownBy(() -> proposals.open(DANA, e, schema("id"), "same as 1.0", null, null))
                .isInstanceOfSatisfying(RegistryException.class, ex -> {
                    assertThat(ex.problemType()).isEqualTo(ProblemType.CONFLICT);
                    assertThat(ex.extensions()).containsEntry("version", "1.0");
                });
    }

    @Test
    void badProposalsAreRefusedPreciselyAndStoreNothing() {
        String e = entity("customer-i", "olivia");
        published(e, schema("id"), OLIVIA);
        long proposalsBefore = count("change_proposal");
        long historyBefore = count("proposal_history");
        JsonNode remote = json.readTree("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","$ref":"https://evil.example/x.json"}""");

        assertThatThrownBy(() -> proposals.open(DANA, e, remote, "remote ref", null, null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.SCHEMA_REJECTED));
        assertThatThrownBy(() -> proposals.open(DANA, e, schema("id", "q"), "  ", null, null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED))
                .hasMessageContaining("/summary");
        assertThatThrownBy(() -> proposals.open(DANA, e, schema("id", "q"), "line\nbreak", null, null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED));
        assertThatThrownBy(() -> proposals.open(DANA, e, schema("id", "q"), "far future", null, 7))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED))
                .hasMessageContaining("/targetMajor");
        // Pinning the current line with a breaking change: refused with the changes and witnesses.
        assertThatThrownBy(() -> proposals.open(DANA, e, schema("q", "id"), "breaks line 1", null, 1))
                .isInstanceOfSatisfying(RegistryException.class, ex -> {
                    assertThat(ex.problemType()).isEqualTo(ProblemType.INCOMPATIBLE_CHANGE);
                    assertThat(ex.extensions()).containsKeys("changes", "witnesses");
                });
        assertThatThrownBy(() -> proposals.open(DANA, "no-such-entity", schema("id"), "x", null, null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.ENTITY_NOT_FOUND));
        assertThatThrownBy(() -> proposals.approve(OLIVIA, 987654321L, null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.PROPOSAL_NOT_FOUND));

        assertThat(count("change_proposal")).isEqualTo(proposalsBefore);
        assertThat(count("proposal_history")).isEqualTo(historyBefore);
    }

    @Test
    void aCompatibleChangeMayOpenTheNextMajorOnPurpose() {
        String e = entity("customer-j", "olivia");
        published(e, schema("id"), OLIVIA);

        ChangeProposal p = proposals.open(DANA, e, schema("id", "v2only"), "start line 2", null, 2).proposal();

        assertThat(p.breaking()).isTrue();
        assertThat(p.proposedVersion()).isEqualTo("2.0");
        assertThat(proposals.approve(OLIVIA, p.id(), null).publishedVersion()).isEqualTo("2.0");
    }

    @Test
    void ownersDeprecateThenRetireAndRetiredVersionsLeaveLatestButStayReadable() {
        String e = entity("customer-k", "olivia");
        SchemaVersion one = published(e, schema("id"), OLIVIA);
        ChangeProposal p = proposals.open(DANA, e, schema("id", "n"), "add n", null, null).proposal();
        proposals.approve(OLIVIA, p.id(), null);
        LocalDate sunset = LocalDate.now().plusDays(90);

        assertThatThrownBy(() -> versions.deprecate(DANA, e, "1.0", sunset, "1.1", null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        assertThatThrownBy(() -> versions.retire(OLIVIA, e, "1.0", null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.CONFLICT))
                .hasMessageContaining("deprecate it first");
        assertThatThrownBy(() -> versions.deprecate(OLIVIA, e, "1.0", LocalDate.now().minusDays(1), null, null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED));
        assertThatThrownBy(() -> versions.deprecate(OLIVIA, e, "1.0", sunset, "1.0", null))
                .isInstanceOfSatisfying(RegistryException.class,
                        ex -> assertThat(ex.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED));
        assertThat(versions.get(e, VersionSelector.parse("1.0"))).isEqualTo(one);

        SchemaVersion deprecated = versions.deprecate(OLIVIA, e, "1.0", sunset, e + "@1.1", "move to 1.1");
        assertThat(deprecated.state()).isEqualTo(SchemaState.DEPRECATED);
        assertThat(deprecated.sunsetDate()).isEqualTo(sunset);
        assertThat(deprecated.replacement()).isEqualTo(e + "@1.1");
        assertThat(deprecated.deprecatedAt()).isNotNull();
        assertThat(deprecated.canonicalJson()).isEqualTo(one.canonicalJson());

        SchemaVersion retiredOld = versions.retire(ADA, e, "1.0", "nothing reads 1.0");
        assertThat(retiredOld.state()).isEqualTo(SchemaState.RETIRED);
        assertThat(versions.getByGlobalId(one.globalId()).state()).isEqualTo(SchemaState.RETIRED);
        versions.deprecate(OLIVIA, e, "1.1", sunset, null, null);
        versions.retire(OLIVIA, e, "1.1", null);
        assertThat(versions.find(e, VersionSelector.parse("latest"))).isEmpty();
        assertThat(versions.get(e, VersionSelector.parse("1.1")).state()).isEqualTo(SchemaState.RETIRED);
    }

    @Test
    void everyChangePublishesOneAuditedChangeAndARefusalPublishesNone() {
        String e = entity("customer-l", "olivia");
        published(e, schema("id"), OLIVIA);
        events.clear();

        ChangeProposal p = proposals.open(DANA, e, schema("id", "k"), "add k", null, null).proposal();
        assertThat(actions()).containsExactly("proposal.opened");
        events.clear();

        assertThatThrownBy(() -> proposals.approve(DANA, p.id(), null)).isInstanceOf(RegistryException.class);
        assertThat(actions()).isEmpty();

        proposals.approve(OLIVIA, p.id(), null);
        assertThat(actions()).containsExactly("proposal.approved", "version.published", "proposal.published");
        assertThat(events.stream(AuditedChange.class)).allSatisfy(c -> {
            assertThat(c.actor()).isIn("olivia", "dana");
            assertThat(c.occurredAt()).isNotNull();
        });
    }

    private List<String> actions() {
        return events.stream(AuditedChange.class).map(AuditedChange::action).toList();
    }
}
