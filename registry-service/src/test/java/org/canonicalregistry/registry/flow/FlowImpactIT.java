package org.canonicalregistry.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.proposal.ChangeProposal;
import org.canonicalregistry.registry.proposal.ImpactedFlow;
import org.canonicalregistry.registry.proposal.ProposalService;
import org.canonicalregistry.registry.proposal.RequiredApproval;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Impact analysis over the imported sample landscape on real PostgreSQL: a breaking {@code customer} change lists
 * exactly the active flows pinned to its base major, their owners and downstream systems, and those owners become
 * the flow-owner approvals the proposal needs. Also the AsyncAPI documents, checked against the official schema.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FlowImpactIT {

    @Autowired
    OwnershipImport imports;

    @Autowired
    OwnershipService ownership;

    @Autowired
    FlowImpactAnalysis analysis;

    @Autowired
    ProposalService proposals;

    @Autowired
    SchemaVersionService versions;

    @Autowired
    EntityService entities;

    @Autowired
    AsyncApiDocuments asyncApi;

    @Autowired
    JsonMapper json;

    @BeforeEach
    void sampleLandscape() {
        if (entities.count() > 0) {
            return;
        }
        Samples.entities(entities);
        imports.importFiles(Samples.ADMIN, Samples.files(), true);
        versions.register("customer", customer(false), false, "test", "test");
    }

    JsonNode customer(boolean emailRequired) {
        return json.readTree("""
                {"$schema":"https://json-schema.org/draft/2020-12/schema","type":"object",
                 "properties":{"id":{"type":"string"},"email":{"type":"string"}},
                 "required":["id"%s],"additionalProperties":false}""".formatted(emailRequired ? ",\"email\"" : ""));
    }

    /** The ACTIVE customer flows of the sample files, computed from the files rather than hard-coded. */
    static List<DataFlow> activeCustomerFlows() {
        return FlowMapTest.sample().flows().stream()
                .filter(f -> f.entity().equals("customer") && f.lifecycle() == Lifecycle.ACTIVE).toList();
    }

    @Test
    void aBreakingCustomerChangeListsExactlyTheAffectedFlowsAndOwnersAndDrivesTheApprovers() {
        // One customer flow pinned to a major the change does not touch: listed, not broken, no approval.
        ownership.createFlow(Samples.ADMIN, new DataFlow("crm-to-hr-customer-v2", "Customers v2 to HR", "customer", 2,
                "crm", "hr", new DataFlow.Trigger(DataFlow.Trigger.Type.EVENT, "crm.account.changed"), "hana.people",
                new DataFlow.Delivery(3, Duration.ofSeconds(30), null, true),
                new DataFlow.Freshness(Duration.ofHours(1), null), Lifecycle.ACTIVE));
        List<DataFlow> pinnedToOne = activeCustomerFlows().stream().filter(f -> f.consumesMajor() == 1).toList();
        Set<String> owners = pinnedToOne.stream().map(DataFlow::owner).collect(Collectors.toSet());

        ChangeProposal p = proposals.open(Samples.DEVELOPER, "customer", customer(true), "email becomes required",
                null, null).proposal();

        assertThat(p.breaking()).isTrue();
        assertThat(p.impact()).filteredOn(ImpactedFlow::breaks).extracting(ImpactedFlow::flowId)
                .containsExactlyInAnyOrderElementsOf(pinnedToOne.stream().map(DataFlow::id).toList());
        assertThat(p.impact()).filteredOn(f -> !f.breaks()).extracting(ImpactedFlow::flowId)
                .containsExactly("crm-to-hr-customer-v2");
        List<RequiredApproval> flowApprovals = p.approvals().stream()
                .filter(a -> a.kind() == RequiredApproval.Kind.FLOW_OWNER).toList();
        assertThat(flowApprovals).extracting(RequiredApproval::subject)
                .containsExactlyInAnyOrderElementsOf(pinnedToOne.stream().map(DataFlow::id).toList());
        assertThat(flowApprovals.stream().flatMap(a -> a.candidates().stream()).collect(Collectors.toSet()))
                .isEqualTo(owners);

        FlowImpactAnalysis.Impact impact = analysis.impactOf("customer", null);
        assertThat(impact.breaking()).isTrue();
        assertThat(impact.baseMajor()).isEqualTo(1);
        assertThat(impact.owners()).containsExactlyInAnyOrderElementsOf(owners);
        // Downstream is transitive: what crm receives from a broken flow it passes on, here also to hr.
        assertThat(impact.downstream()).contains("billing", "erp", "support-desk", "data-warehouse", "crm", "hr")
                .doesNotContain("wms", "tax-engine");
    }

    @Test
    void aCompatibleVersionBreaksNothingAndAnUnknownEntityIsNotFound() {
        FlowImpactAnalysis.Impact minor = analysis.impactOf("customer", "1.1");
        assertThat(minor.breaking()).isFalse();
        assertThat(minor.flows()).isNotEmpty().noneMatch(FlowImpactAnalysis.Affected::breaks);
        assertThat(minor.owners()).isEmpty();

        FlowImpactAnalysis.Impact invoices = analysis.impactOf("invoice", "2.0");
        assertThat(invoices.flows()).filteredOn(FlowImpactAnalysis.Affected::breaks)
                .extracting(a -> a.flow().id()).doesNotContain("billing-to-support-desk-invoice"); // PLANNED

        assertThatThrownBy(() -> analysis.impactOf("no-such-entity", null))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.ENTITY_NOT_FOUND));
    }

    @Test
    void everySystemsAsyncApiDocumentIsValidAsyncApi3() throws Exception {
        JsonNode schemaDoc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            schemaDoc = json.readTree(in);
        }
        ((ObjectNode) schemaDoc).remove("$schema"); // draft-07 is the registry's default dialect below: nothing to look up
        Schema asyncApi3 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaDoc);

        for (ConnectedSystem system : ownership.systems()) {
            ObjectNode doc = asyncApi.forSystem(system.code(), "http://registry.example");
            List<Error> errors = asyncApi3.validate(doc);
            assertThat(errors).as("AsyncAPI of %s: %s", system.code(), doc).isEmpty();
        }
        ObjectNode crm = asyncApi.forSystem("crm", "http://registry.example");
        assertThat(crm.get("operations").get("crm-to-billing-customer").get("action").asString()).isEqualTo("send");
        assertThat(crm.get("operations").get("billing-to-crm-customer-terms").get("action").asString()).isEqualTo("receive");
        assertThat(crm.get("operations").get("crm-to-billing-customer").get("x-owner").asString()).isEqualTo("felix.billing");
        assertThat(crm.at("/components/messages/customer.v1/payload/schema/$ref").asString())
                .isEqualTo("http://registry.example/api/v1/entities/customer/versions/1.0/schema");
        // A document that breaks the schema is refused, so the check above can fail.
        crm.remove("info");
        assertThat(asyncApi3.validate(crm)).isNotEmpty();
    }
}
