package org.canonicalregistry.registry.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flow runs and health. Runs come from adapters (ADAPTER role; ADMIN too, for back-filling); a retried report with the
 * same {@code runId} and content is answered with the stored run and changes nothing, the same id with other content
 * is a conflict. A delivering run resolves the flow's open SLA incident. Reads are open.
 */
@Service
public class FlowRunService {

    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    static final Duration MAX_WINDOW = Duration.ofDays(90);
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Pattern RUN_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$");
    private static final Pattern SCHEMA_VERSION = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*@(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})$");

    private final OwnershipRepository flows;
    private final FlowRunRepository runs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FlowRunService(OwnershipRepository flows, FlowRunRepository runs, ApplicationEventPublisher events, Clock clock) {
        this.flows = flows;
        this.runs = runs;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a report was stored now or had been stored before (a retry). */
    public record Recorded(FlowRun run, boolean replay) {
    }

    /**
     * @throws RegistryException FORBIDDEN; FLOW_NOT_FOUND; VALIDATION_FAILED (run id, times, counts, versions);
     *                           CONFLICT (the run id was reported with other content or for another flow)
     */
    @Transactional
    public Recorded record(Principal principal, FlowRun run) {
        AccessPolicy.requireAnyRole(principal, "report runs of flow " + RegistryException.quoted(run.flowId()),
                Role.ADAPTER, Role.ADMIN);
        Instant now = clock.instant();
        check(run, now);
        DataFlow flow = flows.lockFlow(run.flowId()).orElseThrow(() -> OwnershipService.flowNotFound(run.flowId()));
        var stored = runs.run(run.runId());
        if (stored.isPresent()) {
            if (stored.get().sameReport(run)) {
                return new Recorded(stored.get(), true);
            }
            throw new RegistryException(ProblemType.CONFLICT, "run " + RegistryException.quoted(run.runId())
                    + " was already reported " + (stored.get().flowId().equals(run.flowId()) ? "with other content"
                    : "for flow " + RegistryException.quoted(stored.get().flowId())) + "; run ids identify one run",
                    Map.of("runId", run.runId()));
        }
        runs.insert(run, now);
        FlowIncidentResolved resolved = null;
        if (run.status().delivered()) {
            FlowHealth.Incident open = runs.openIncidents(flow.id()).get(flow.id());
            if (open != null && health(flow, now, DEFAULT_WINDOW).state() == SlaState.OK) {
                resolved = resolve(open, run.runId(), principal.name(), now);
            }
        }
        // Published after the transaction's last write, as the audit trail asks.
        events.publishEvent(new FlowRunRecorded(flow.id(), run.runId(), run.status().name(), principal.name(),
                StateFingerprint.of(run), now));
        if (resolved != null) {
            events.publishEvent(resolved);
        }
        return new Recorded(run, false);
    }

    private void check(FlowRun run, Instant now) {
        List<InvalidField> errors = new ArrayList<>();
        if (!RUN_ID.matcher(run.runId()).matches()) {
            errors.add(new InvalidField("/runId", "must be 1..64 letters, digits, '.', '_', ':' or '-' (a UUID), was "
                    + RegistryException.quoted(run.runId())));
        }
        if (run.startedAt() == null || run.endedAt() == null || run.status() == null || run.counts() == null) {
            errors.add(new InvalidField("/", "startedAt, endedAt, status and counts are required"));
        } else {
            if (run.endedAt().isBefore(run.startedAt())) {
                errors.add(new InvalidField("/endedAt", "is before startedAt " + run.startedAt()));
            }
            if (run.endedAt().isAfter(now.plus(CLOCK_SKEW))) {
                errors.add(new InvalidField("/endedAt", "is in the future (" + run.endedAt() + ", now " + now + ")"));
            }
            FlowRun.Counts c = run.counts();
            if (c.received() < 0 || c.accepted() < 0 || c.rejected() < 0 || c.deadLettered() < 0 || c.replayed() < 0) {
                errors.add(new InvalidField("/counts", "every count must be at least 0"));
            }
        }
        if (run.schemaVersions().size() > 50) {
            errors.add(new InvalidField("/schemaVersions", "at most 50 versions, was " + run.schemaVersions().size()));
        }
        for (String v : run.schemaVersions()) {
            if (!SCHEMA_VERSION.matcher(v).matches()) {
                errors.add(new InvalidField("/schemaVersions", RegistryException.quoted(v)
                        + " is not entity@MAJOR.MINOR such as customer@2.3"));
            }
        }
        if (!errors.isEmpty()) {
            throw RegistryException.validationFailed(errors);
        }
    }

    /** Newest first. @throws RegistryException FLOW_NOT_FOUND */
    @Transactional(readOnly = true)
    public List<FlowRun> runs(String flowId, int limit) {
        flows.flow(flowId).orElseThrow(() -> OwnershipService.flowNotFound(flowId));
        return runs.runs(flowId, limit);
    }

    /** Oldest first. @throws RegistryException FLOW_NOT_FOUND */
    @Transactional(readOnly = true)
    public List<FlowHealth.Incident> incidents(String flowId) {
        flows.flow(flowId).orElseThrow(() -> OwnershipService.flowNotFound(flowId));
        return runs.incidents(flowId);
    }

    /** @throws RegistryException FLOW_NOT_FOUND, VALIDATION_FAILED (window) */
    @Transactional(readOnly = true)
    public FlowHealth health(String flowId, Duration window) {
        DataFlow flow = flows.flow(flowId).orElseThrow(() -> OwnershipService.flowNotFound(flowId));
        return health(flow, clock.instant(), checkWindow(window));
    }

    /** Every ACTIVE flow's health, worst SLA state first, then by flow id. */
    @Transactional(readOnly = true)
    public List<FlowHealth> healthOfAll(Duration window) {
        Duration w = checkWindow(window);
        Instant now = clock.instant();
        Map<String, FlowRun> last = runs.lastRuns(null, false);
        Map<String, FlowRun> good = runs.lastRuns(null, true);
        Map<String, long[]> stats = runs.window(null, now.minus(w));
        Map<String, FlowHealth.Incident> open = runs.openIncidents(null);
        return flows.flows().stream().filter(DataFlow::active)
                .map(f -> assemble(f, now, w, last.get(f.id()), good.get(f.id()), stats.get(f.id()), open.get(f.id())))
                .sorted(Comparator.comparing(FlowHealth::state).thenComparing(h -> h.flow().id()))
                .toList();
    }

    /** Health of one flow at {@code now}; callers hold a transaction. */
    FlowHealth health(DataFlow flow, Instant now, Duration window) {
        return assemble(flow, now, window, runs.lastRuns(flow.id(), false).get(flow.id()),
                runs.lastRuns(flow.id(), true).get(flow.id()), runs.window(flow.id(), now.minus(window)).get(flow.id()),
                runs.openIncidents(flow.id()).get(flow.id()));
    }

    /** Resolves the incident and returns the event for the caller to publish after its last write. */
    FlowIncidentResolved resolve(FlowHealth.Incident open, String runId, String actor, Instant now) {
        runs.resolve(open.id(), now, runId);
        FlowHealth.Incident resolved = new FlowHealth.Incident(open.id(), open.flowId(), open.state(), open.detail(),
                open.openedAt(), now, runId);
        return new FlowIncidentResolved(open.flowId(), open.id(), runId, actor, StateFingerprint.of(open),
                StateFingerprint.of(resolved), now);
    }

    private static FlowHealth assemble(DataFlow flow, Instant now, Duration window, FlowRun last, FlowRun good,
                                       long[] stats, FlowHealth.Incident open) {
        SlaState state = FlowHealth.judge(flow, last, good, now);
        long[] s = stats == null ? new long[4] : stats;
        Double errorRate = s[2] == 0 ? null : (double) s[3] / s[2];
        return new FlowHealth(flow, state, FlowHealth.describe(state, flow, last, good), last, good, window, s[0], s[1],
                errorRate, open);
    }

    private static Duration checkWindow(Duration window) {
        if (window == null) {
            return DEFAULT_WINDOW;
        }
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/window",
                    "must be a positive ISO-8601 duration of at most P90D, was " + window)));
        }
        return window;
    }
}
