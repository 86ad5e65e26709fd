package org.canonicalregistry.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.canonicalregistry.registry.audit.AuditedChange;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * GitOps import and export of the sample landscape on real PostgreSQL: a dry run writes nothing, an apply writes
 * everything with one audit event per record, export -> import is a no-op, and broken files leave the store as it
 * was while every problem is listed with its file and line.
 */
@FreshPostgresSchema
@RecordApplicationEvents
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnershipImportIT {

    @Autowired
    OwnershipImport imports;

    @Autowired
    OwnershipService ownership;

    @Autowired
    EntityService entities;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void sampleEntities() {
        if (entities.count() == 0) {
            Samples.entities(entities);
        }
    }

    /** Audited changes of this feature (creating the sample entities publishes the entity feature's own). */
    long audited() {
        return events.stream(AuditedChange.class)
                .filter(e -> e.getClass().getPackageName().equals(OwnershipChanged.class.getPackageName())).count();
    }

    @Test
    @Order(1)
    void dryRunReportsTheWholeSampleLandscapeAndWritesNothing() {
        ImportReport report = imports.importFiles(Samples.ADMIN, Samples.files(), false);

        assertThat(report.applied()).isFalse();
        assertThat(report.changes()).allMatch(c -> c.action() == ImportReport.Action.CREATE);
        assertThat(report.changes().stream().filter(c -> c.kind().equals("system"))).hasSize(13);
        assertThat(report.changes().stream().filter(c -> c.kind().equals("flow"))).hasSize(30);
        assertThat(report.changes().stream().filter(c -> c.kind().equals("system-of-record"))).hasSize(29);
        assertThat(ownership.systems()).isEmpty();
        assertThat(audited()).isZero();
    }

    @Test
    @Order(2)
    void applyWritesEveryRecordWithOneAuditEventEach() {
        ImportReport report = imports.importFiles(Samples.ADMIN, Samples.files(), true);

        assertThat(report.applied()).isTrue();
        assertThat(ownership.systems()).hasSize(13);
        assertThat(ownership.flows(null, null, null)).hasSize(30);
        assertThat(ownership.systemsOfRecord(null)).hasSize(29);
        assertThat(audited()).isEqualTo(report.changes().size());
        assertThat(events.stream(OwnershipChanged.class).map(OwnershipChanged::actor)).containsOnly("ada.admin");
        DataFlow flow = ownership.flow("crm-to-data-warehouse-customer");
        assertThat(flow.trigger()).isEqualTo(new DataFlow.Trigger(DataFlow.Trigger.Type.CRON, "0 30 1 * * *"));
        assertThat(flow.freshness().dailyBy()).hasToString("04:00");
        assertThat(ownership.systemsOfRecord("customer")).filteredOn(s -> s.system().equals("billing"))
                .singleElement().extracting(SystemOfRecord::scope).isEqualTo(List.of("/creditLimit", "/paymentTerms"));
    }

    @Test
    @Order(3)
    void exportThenImportIsANoOp() {
        List<OwnershipImport.File> exported = imports.export();
        assertThat(exported).extracting(OwnershipImport.File::path)
                .containsExactly("systems.yaml", "systems-of-record.yaml", "flows.yaml");

        ImportReport dryRun = imports.importFiles(Samples.ADMIN, exported, false);
        ImportReport applied = imports.importFiles(Samples.ADMIN, exported, true);

        assertThat(dryRun.changes()).isEmpty();
        assertThat(applied.changes()).isEmpty();
        assertThat(applied.unchanged()).isEqualTo(13 + 29 + 30);
        assertThat(audited()).isZero();
        assertThat(imports.export()).isEqualTo(exported);
        // The hand-written files say the same as the export: importing them again changes nothing either.
        assertThat(imports.importFiles(Samples.ADMIN, Samples.files(), false).changes()).isEmpty();
    }

    @Test
    @Order(4)
    void brokenFilesLeaveTheStoreUnchangedAndListEveryProblemWithFileAndLine() {
        List<OwnershipImport.File> before = imports.export();
        String flows = """
                flows:
                  - id: crm-to-erp-customer
                    name: one
                    entity: customer
                    consumesMajor: 1
                    source: crm
                    target: erp
                    trigger: {type: EVENT, expression: "crm.account.changed"}
                    owner: anna.finance
                    delivery: {maxRetries: 8, backoff: PT30S, replayable: true}
                    freshnessSla: {maxAge: PT15M}
                    lifecycle: ACTIVE
                  - id: crm-to-erp-customer
                    name: the same id again
                    entity: customer
                    consumesMajor: 1
                    source: crm
                    target: mainframe
                    trigger: {type: EVENT, expression: "crm.account.changed"}
                    owner: anna.finance
                    delivery: {maxRetries: 8, backoff: PT30S, replayable: true}
                    freshnessSla: {maxAge: PT15M}
                    lifecycle: ACTIVE
                """;
        String sors = """
                systemsOfRecord:
                  - entity: customer
                    system: crm
                    role: AUTHORITATIVE
                  - entity: customer
                    system: erp
                    role: AUTHORITATIVE
                """;
        List<OwnershipImport.File> broken = List.of(Samples.file("systems.yaml"),
                new OwnershipImport.File("ownership/flows.yaml", flows),
                new OwnershipImport.File("ownership/systems-of-record.yaml", sors));

        assertThatThrownBy(() -> imports.importFiles(Samples.ADMIN, broken, true))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.problemType()).isEqualTo(ProblemType.IMPORT_FAILED);
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> errors = (List<Map<String, Object>>) e.extensions().get("errors");
                    assertThat(errors).extracting(m -> m.get("file") + ":" + m.get("line"))
                            .containsExactlyInAnyOrder(
                                    "ownership/flows.yaml:13",                // second crm-to-erp-customer
                                    "ownership/flows.yaml:18",                // target: mainframe
                                    "ownership/systems-of-record.yaml:7");    // erp, a second AUTHORITATIVE
                    assertThat(errors).extracting(m -> (String) m.get("message")).anySatisfy(m -> assertThat(m)
                                    .contains("'crm-to-erp-customer' is declared twice"))
                            .anySatisfy(m -> assertThat(m).contains("unknown system 'mainframe'"))
                            .anySatisfy(m -> assertThat(m).contains("already has 'crm' as its AUTHORITATIVE system"));
                    assertThat(errors).extracting(m -> m.get("pointer")).containsOnly("/files/1", "/files/2");
                });
        assertThat(imports.export()).isEqualTo(before);
        assertThat(audited()).isZero();
    }

    @Test
    @Order(5)
    void malformedYamlAndUnknownKeysAreReportedTogether() {
        List<OwnershipImport.File> broken = List.of(
                new OwnershipImport.File("a.yaml", "systems:\n  - code: crm\n    colour: red\n"),
                new OwnershipImport.File("b.yaml", "flows: [\n  {id: x,\n"));

        assertThatThrownBy(() -> imports.importFiles(Samples.ADMIN, broken, false))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> errors = (List<Map<String, Object>>) e.extensions().get("errors");
                    assertThat(errors).anySatisfy(m -> assertThat(m).containsEntry("file", "a.yaml")
                            .containsEntry("line", 3).extractingByKey("message").asString().contains("unknown key 'colour'"));
                    assertThat(errors).anySatisfy(m -> assertThat(m).containsEntry("file", "b.yaml")
                            .extractingByKey("message").asString().startsWith("not valid YAML"));
                });
    }

    @Test
    @Order(6)
    void aQuotedEmptyStringIsAValueAndRoundTrips() {
        ConnectedSystem quiet = new ConnectedSystem("quiet", "Quiet \"system\": #1", ConnectedSystem.Kind.IN_HOUSE,
                "ops", "", Lifecycle.PLANNED);
        ownership.createSystem(Samples.ADMIN, quiet);
        List<OwnershipImport.File> exported = imports.export();

        assertThat(imports.importFiles(Samples.ADMIN, exported, false).changes()).isEmpty();
        // Unquoted, an empty value is no value: the rules ask for it, naming file and line.
        assertThatThrownBy(() -> imports.importFiles(Samples.ADMIN, List.of(new OwnershipImport.File("s.yaml",
                "systems:\n  - code: quiet\n    name: q\n    kind: IN_HOUSE\n    ownerTeam: ops\n    description:\n"
                        + "    lifecycle: PLANNED\n")), false))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.extensions().get("errors"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .contains(Map.of("pointer", "/files/0", "file", "s.yaml", "line", 6,
                                "message", "description: is required")));
    }

    @Test
    @Order(7)
    void applyingNeedsAnAdminButADryRunDoesNot() {
        assertThatThrownBy(() -> imports.importFiles(Samples.DEVELOPER, Samples.files(), true))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        assertThat(imports.importFiles(Samples.READER, Samples.files(), false).applied()).isFalse();
    }
}
