package org.canonicalregistry.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.canonicalregistry.registry.entity.CompatibilityMode;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.entity.NewEntity;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.canonicalregistry.registry.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Flow runs, SLA states and the SLA monitor on real PostgreSQL, with a test clock: on time, late, failing and never
 * run; one incident and one {@link FlowSlaMissed} per breach; the next good run resolves it.
 */
@FreshPostgresSchema
@RecordApplicationEvents
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class FlowHealthIT {

    static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
    static final TestClock CLOCK = new TestClock(START);

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        TestClock testClock() {
            return CLOCK;
        }
    }

    @Autowired
    OwnershipService ownership;

    @Autowired
    FlowRunService runs;

    @Autowired
    SlaMonitor monitor;

    @Autowired
    EntityService entities;

    @Autowired
    ApplicationEvents events;

    /** A fresh pair of systems and flows per test (ids carry a suffix), so tests do not see each other's runs. */
    String suffix;

    @BeforeEach
    void landscape() {
        suffix = "t" + UUID.randomUUID().toString().substring(0, 8);
        if (entities.find("customer").isEmpty()) {
            entities.create(Samples.ADMIN, new NewEntity("customer", "sales", null, Set.of("sam.sales"),
                    CompatibilityMode.BACKWARD_TRANSITIVE, null, null));
        }
        ownership.createSystem(Samples.ADMIN, system("src"));
        ownership.createSystem(Samples.ADMIN, system("dst"));
    }

    ConnectedSystem system(String role) {
        return new ConnectedSystem(role + "-" + suffix, role, ConnectedSystem.Kind.SAAS, "team", "test system",
                Lifecycle.ACTIVE);
    }

    DataFlow flow(String name, DataFlow.Freshness sla) {
        return ownership.createFlow(Samples.ADMIN, new DataFlow(name + "-" + suffix, name, "customer", 1,
                "src-" + suffix, "dst-" + suffix, new DataFlow.Trigger(DataFlow.Trigger.Type.EVENT, "x.changed"),
                "felix.billing", new DataFlow.Delivery(3, Duration.ofSeconds(30), null, true), sla, Lifecycle.ACTIVE));
    }

    static DataFlow.Freshness maxAge(Duration d) {
        return new DataFlow.Freshness(d, null);
    }

    FlowRun run(DataFlow flow, FlowRun.Status status, Instant ended) {
        return new FlowRun(UUID.randomUUID().toString(), flow.id(), ended.minusSeconds(60), ended, status,
                new FlowRun.Counts(100, status == FlowRun.Status.FAILED ? 0 : 98, 2, 2, 0), List.of("customer@1.0"),
                Samples.ADAPTER.name());
    }

    SlaState state(DataFlow flow) {
        return runs.health(flow.id(), null).state();
    }

    List<FlowSlaMissed> missed(DataFlow flow) {
        return events.stream(FlowSlaMissed.class).filter(e -> e.flowId().equals(flow.id())).toList();
    }

    @Test
    void simulatedRunsOnTimeLateFailingAndNeverHaveTheirSlaStates() {
        Instant now = CLOCK.instant();
        DataFlow onTime = flow("on-time", maxAge(Duration.ofHours(1)));
        DataFlow late = flow("late", maxAge(Duration.ofHours(1)));
        DataFlow failing = flow("failing", maxAge(Duration.ofHours(24)));
        DataFlow never = flow("never", maxAge(Duration.ofHours(1)));
        runs.record(Samples.ADAPTER, run(onTime, FlowRun.Status.SUCCEEDED, now.minus(Duration.ofMinutes(10))));
        runs.record(Samples.ADAPTER, run(late, FlowRun.Status.SUCCEEDED, now.minus(Duration.ofMinutes(90))));
        runs.record(Samples.ADAPTER, run(failing, FlowRun.Status.SUCCEEDED, now.minus(Duration.ofMinutes(30))));
        runs.record(Samples.ADAPTER, run(failing, FlowRun.Status.FAILED, now.minus(Duration.ofMinutes(5))));

        assertThat(state(onTime)).isEqualTo(SlaState.OK);
        assertThat(state(late)).isEqualTo(SlaState.LATE);
        assertThat(state(failing)).isEqualTo(SlaState.FAILING);
        assertThat(state(never)).isEqualTo(SlaState.NEVER_RAN);

        FlowHealth failingHealth = runs.health(failing.id(), Duration.ofHours(24));
        assertThat(failingHealth.lastRun().status()).isEqualTo(FlowRun.Status.FAILED);
        assertThat(failingHealth.lastSuccess().status()).isEqualTo(FlowRun.Status.SUCCEEDED);
        assertThat(failingHealth.runsInWindow()).isEqualTo(2);
        assertThat(failingHealth.failedRunsInWindow()).isEqualTo(1);
        assertThat(failingHealth.errorRate()).isEqualTo(8.0 / 200);

        // Time passes: the on-time flow becomes late without any new run.
        CLOCK.advance(Duration.ofMinutes(55));
        assertThat(state(onTime)).isEqualTo(SlaState.LATE);

        Map<String, SlaState> listed = runs.healthOfAll(null).stream()
                .filter(h -> h.flow().id().endsWith(suffix))
                .collect(Collectors.toMap(h -> h.flow().id(), FlowHealth::state));
        assertThat(listed).containsEntry(failing.id(), SlaState.FAILING).containsEntry(never.id(), SlaState.NEVER_RAN);
        List<SlaState> order = runs.healthOfAll(null).stream().map(FlowHealth::state).toList();
        assertThat(order).isSortedAccordingTo(Enum::compareTo);
    }

    @Test
    void theMonitorOpensOneIncidentAndOneEventPerBreachAndAGoodRunResolvesIt() {
        DataFlow flow = flow("breach", maxAge(Duration.ofHours(1)));
        runs.record(Samples.ADAPTER, run(flow, FlowRun.Status.SUCCEEDED, CLOCK.instant()));
        monitor.check();
        assertThat(missed(flow)).isEmpty();

        CLOCK.advance(Duration.ofMinutes(61));
        monitor.check();
        monitor.check();
        CLOCK.advance(Duration.ofMinutes(30));
        monitor.check();

        assertThat(missed(flow)).singleElement().satisfies(e -> {
            assertThat(e.slaState()).isEqualTo("LATE");
            assertThat(e.owner()).isEqualTo("felix.billing");
            assertThat(e.entity()).isEqualTo("customer");
            assertThat(e.action()).isEqualTo("flow.sla-missed");
            assertThat(e.afterFingerprint()).hasSize(64);
        });
        long incident = missed(flow).get(0).incidentId();
        assertThat(runs.health(flow.id(), null).openIncident().id()).isEqualTo(incident);

        FlowRun good = run(flow, FlowRun.Status.SUCCEEDED, CLOCK.instant());
        runs.record(Samples.ADAPTER, good);
        assertThat(runs.health(flow.id(), null).openIncident()).isNull();
        assertThat(runs.incidents(flow.id())).singleElement().satisfies(i -> {
            assertThat(i.resolvedAt()).isEqualTo(CLOCK.instant());
            assertThat(i.resolvedByRun()).isEqualTo(good.runId());
        });
        assertThat(events.stream(FlowIncidentResolved.class).filter(e -> e.flowId().equals(flow.id()))).hasSize(1);

        // A new breach is a new incident and a new event.
        CLOCK.advance(Duration.ofMinutes(1));
        runs.record(Samples.ADAPTER, run(flow, FlowRun.Status.FAILED, CLOCK.instant()));
        monitor.check();
        monitor.check();
        assertThat(missed(flow)).extracting(FlowSlaMissed::slaState).containsExactly("LATE", "FAILING");
        assertThat(runs.incidents(flow.id())).hasSize(2);
    }

    @Test
    void aFailedRunDoesNotResolveAnIncident() {
        DataFlow flow = flow("still-failing", maxAge(Duration.ofHours(1)));
        runs.record(Samples.ADAPTER, run(flow, FlowRun.Status.FAILED, CLOCK.instant()));
        monitor.check();
        runs.record(Samples.ADAPTER, run(flow, FlowRun.Status.FAILED, CLOCK.instant()));
        monitor.check();

        assertThat(missed(flow)).hasSize(1);
        assertThat(runs.health(flow.id(), null).openIncident()).isNotNull();
    }

    @Test
    void aDailyDeadlineIsMetByThatDaysBatchOnly() {
        DataFlow flow = flow("nightly", new DataFlow.Freshness(null, LocalTime.of(4, 0)));
        Instant today = CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        runs.record(Samples.ADAPTER, run(flow, FlowRun.Status.SUCCEEDED, today.minus(Duration.ofHours(22))));

        // Yesterday's 02:00 batch still counts at 03:00 today, before today's deadline...
        assertThat(FlowHealth.judge(flow, runs.health(flow.id(), null).lastRun(), runs.health(flow.id(), null).lastRun(),
                today.plus(Duration.ofHours(3)))).isEqualTo(SlaState.OK);
        // ...but not at 05:00, after it; today's batch at 02:30 does.
        FlowRun last = runs.health(flow.id(), null).lastRun();
        assertThat(FlowHealth.judge(flow, last, last, today.plus(Duration.ofHours(5)))).isEqualTo(SlaState.LATE);
        FlowRun tonight = run(flow, FlowRun.Status.SUCCEEDED, today.plus(Duration.ofMinutes(150)));
        assertThat(FlowHealth.judge(flow, tonight, tonight, today.plus(Duration.ofHours(5)))).isEqualTo(SlaState.OK);
    }

    @Test
    void aRetriedReportIsIdempotentAndAReusedRunIdWithOtherContentIsAConflict() {
        DataFlow flow = flow("retried", maxAge(Duration.ofHours(1)));
        FlowRun report = run(flow, FlowRun.Status.SUCCEEDED, CLOCK.instant());

        FlowRunService.Recorded first = runs.record(Samples.ADAPTER, report);
        FlowRunService.Recorded again = runs.record(Samples.ADAPTER, report);

        assertThat(first.replay()).isFalse();
        assertThat(again.replay()).isTrue();
        assertThat(runs.runs(flow.id(), 10)).hasSize(1);
        assertThat(events.stream(FlowRunRecorded.class).filter(e -> e.flowId().equals(flow.id()))).hasSize(1);
        FlowRun changed = new FlowRun(report.runId(), flow.id(), report.startedAt(), report.endedAt(),
                FlowRun.Status.FAILED, report.counts(), report.schemaVersions(), report.reportedBy());
        assertThatThrownBy(() -> runs.record(Samples.ADAPTER, changed))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.CONFLICT));
        assertThat(runs.runs(flow.id(), 10)).singleElement().extracting(FlowRun::status)
                .isEqualTo(FlowRun.Status.SUCCEEDED);
    }

    @Test
    void onlyAdaptersReportRunsAndBadReportsChangeNothing() {
        DataFlow flow = flow("guarded", maxAge(Duration.ofHours(1)));
        FlowRun report = run(flow, FlowRun.Status.SUCCEEDED, CLOCK.instant());
        assertThatThrownBy(() -> runs.record(Samples.DEVELOPER, report))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.FORBIDDEN));
        FlowRun backwards = new FlowRun("run-1", flow.id(), CLOCK.instant(), CLOCK.instant().minusSeconds(5),
                FlowRun.Status.SUCCEEDED, new FlowRun.Counts(-1, 0, 0, 0, 0), List.of("customer@one"), "x");
        assertThatThrownBy(() -> runs.record(Samples.ADAPTER, backwards))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED);
                    assertThat(e.extensions().get("errors").toString()).contains("/endedAt", "/counts", "/schemaVersions");
                });
        FlowRun unknownFlow = new FlowRun("run-2", "no-such-flow", CLOCK.instant(), CLOCK.instant(),
                FlowRun.Status.SUCCEEDED, new FlowRun.Counts(0, 0, 0, 0, 0), List.of(), "x");
        assertThatThrownBy(() -> runs.record(Samples.ADAPTER, unknownFlow))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.problemType()).isEqualTo(ProblemType.FLOW_NOT_FOUND));
        assertThat(runs.runs(flow.id(), 10)).isEmpty();
        assertThat(state(flow)).isEqualTo(SlaState.NEVER_RAN);
    }
}
