package org.canonicalregistry.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.canonicalregistry.registry.audit.AuditedChange;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Writes to systems, systems of record and flows on real PostgreSQL: who may make them, the one audit event each
 * publishes, and the precise problem (with the store unchanged) for every refusal.
 */
@FreshPostgresSchema
@RecordApplicationEvents
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OwnershipServiceIT {

    static final Principal FELIX = Samples.principal("felix.billing", Role.OWNER);
    static final Principal SAM = Samples.principal("sam.sales", Role.OWNER);

    @Autowired
    OwnershipService ownership;

    @Autowired
    OwnershipImport imports;

    @Autowired
    EntityService entities;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void sampleLandscape() {
        if (entities.count() == 0) {
            Samples.entities(entities);
            imports.importFiles(Samples.ADMIN, Samples.files(), true);
        }
        events.clear();
    }

    void refused(ThrowingCallable write, ProblemType type, String detail) {
        Landscape before = ownership.landscape();
        long audited = events.stream(AuditedChange.class).count();
        assertThatThrownBy(write).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.problemType()).isEqualTo(type);
            assertThat(e.getMessage() + e.extensions()).contains(detail);
        });
        assertThat(ownership.landscape()).isEqualTo(before);
        assertThat(events.stream(AuditedChange.class).count()).isEqualTo(audited);
    }

    DataFlow billingFlow() {
        return ownership.flow("crm-to-billing-customer");
    }

    static DataFlow withOwner(DataFlow f, String owner) {
        return new DataFlow(f.id(), f.name(), f.entity(), f.consumesMajor(), f.source(), f.target(), f.trigger(), owner,
                f.delivery(), f.freshness(), f.lifecycle());
    }

    @Test
    void aFlowsOwnerChangesTheFlowWithOneAuditEventAndOthersMayNot() {
        DataFlow before = billingFlow();
        DataFlow renamed = new DataFlow(before.id(), "Renamed", before.entity(), before.consumesMajor(), before.source(),
                before.target(), before.trigger(), before.owner(), before.delivery(), before.freshness(),
                before.lifecycle());

        refused(() -> ownership.updateFlow(SAM, renamed), ProblemType.FORBIDDEN, "felix.billing");
        refused(() -> ownership.updateFlow(Samples.ADAPTER, renamed), ProblemType.FORBIDDEN, "felix.billing");

        ownership.updateFlow(FELIX, renamed);
        assertThat(billingFlow().name()).isEqualTo("Renamed");
        assertThat(events.stream(OwnershipChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("flow.updated");
            assertThat(e.target()).isEqualTo("flow:crm-to-billing-customer");
            assertThat(e.actor()).isEqualTo("felix.billing");
            assertThat(e.beforeFingerprint()).isNotEqualTo(e.afterFingerprint());
        });
    }

    @Test
    void onlyAnAdminCreatesFlowsAndSystems() {
        DataFlow f = new DataFlow("crm-to-hr-customer", "Customers to HR", "customer", 1, "crm", "hr",
                new DataFlow.Trigger(DataFlow.Trigger.Type.CRON, "0 0 * * * *"), "hana.people",
                new DataFlow.Delivery(1, Duration.ofMinutes(1), null, false),
                new DataFlow.Freshness(Duration.ofHours(2), null), Lifecycle.PLANNED);
        refused(() -> ownership.createFlow(FELIX, f), ProblemType.FORBIDDEN, "ADMIN");
        ConnectedSystem s = new ConnectedSystem("pim", "Akeneo PIM", ConnectedSystem.Kind.SAAS, "product-management",
                "Product information", Lifecycle.PLANNED);
        refused(() -> ownership.createSystem(SAM, s), ProblemType.FORBIDDEN, "ADMIN");

        ownership.createFlow(Samples.ADMIN, f);
        ownership.createSystem(Samples.ADMIN, s);
        assertThat(events.stream(OwnershipChanged.class)).extracting(OwnershipChanged::action)
                .containsExactly("flow.created", "system.created");
        refused(() -> ownership.createFlow(Samples.ADMIN, f), ProblemType.CONFLICT, "already exists");
        refused(() -> ownership.createSystem(Samples.ADMIN, s), ProblemType.CONFLICT, "already exists");
    }

    @Test
    void aFlowNamingAnUnknownSystemOrABadCronIsAValidationFailure() {
        DataFlow f = billingFlow();
        DataFlow unknown = new DataFlow(f.id(), f.name(), f.entity(), f.consumesMajor(), f.source(), "mainframe",
                new DataFlow.Trigger(DataFlow.Trigger.Type.CRON, "every night"), f.owner(), f.delivery(), f.freshness(),
                f.lifecycle());
        refused(() -> ownership.updateFlow(Samples.ADMIN, unknown), ProblemType.VALIDATION_FAILED,
                "unknown system 'mainframe'");
        refused(() -> ownership.updateFlow(Samples.ADMIN, unknown), ProblemType.VALIDATION_FAILED, "/trigger");
        refused(() -> ownership.updateFlow(Samples.ADMIN, withOwner(f, "Not A Principal")),
                ProblemType.VALIDATION_FAILED, "/owner");
        refused(() -> ownership.updateFlow(Samples.ADMIN, withOwner(new DataFlow("no-such-flow", f.name(), f.entity(),
                1, f.source(), f.target(), f.trigger(), f.owner(), f.delivery(), f.freshness(), f.lifecycle()),
                "x")), ProblemType.FLOW_NOT_FOUND, "no-such-flow");
    }

    @Test
    void aSecondAuthoritativeSystemIsAnOwnershipConflict() {
        refused(() -> ownership.declare(Samples.ADMIN, new SystemOfRecord("customer", "erp",
                SystemOfRecord.Role.AUTHORITATIVE, List.of(), 1)), ProblemType.OWNERSHIP_CONFLICT, "'crm'");
        refused(() -> ownership.declare(Samples.ADMIN, new SystemOfRecord("customer", "payments",
                SystemOfRecord.Role.AUTHORITATIVE, List.of("/paymentTerms"), 1)), ProblemType.OWNERSHIP_CONFLICT,
                "/paymentTerms");
        refused(() -> ownership.withdraw(Samples.ADMIN, "customer", "crm"), ProblemType.OWNERSHIP_CONFLICT,
                "no AUTHORITATIVE system for the whole entity");
        refused(() -> ownership.declare(Samples.ADMIN, new SystemOfRecord("customer", "mainframe",
                SystemOfRecord.Role.RECEIVER, List.of(), null)), ProblemType.VALIDATION_FAILED, "mainframe");
        refused(() -> ownership.declare(FELIX, new SystemOfRecord("customer", "hr",
                SystemOfRecord.Role.RECEIVER, List.of(), null)), ProblemType.FORBIDDEN, "ADMIN");

        ownership.declare(Samples.ADMIN, new SystemOfRecord("customer", "payments", SystemOfRecord.Role.AUTHORITATIVE,
                List.of("/bankAccount"), 1));
        ownership.withdraw(Samples.ADMIN, "customer", "payments");
        assertThat(events.stream(OwnershipChanged.class)).extracting(OwnershipChanged::action)
                .containsExactly("system-of-record.created", "system-of-record.deleted");
    }
}
