package org.canonicalregistry.registry.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.security.Principal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks SLA breaches: for every ACTIVE flow that is LATE or FAILING and has no open incident, opens one and publishes
 * {@link FlowSlaMissed} (once per breach: while the incident is open nothing more is published); an open incident of
 * a flow that is OK again is resolved. Each flow is judged in its own transaction under its row lock, the lock run
 * reports take, so a run arriving at the same moment is seen or sees the incident. {@link SlaSchedule} calls it
 * periodically; tests call {@link #check()} after moving their clock.
 */
@Component
class SlaMonitor {

    private final OwnershipRepository flows;
    private final FlowRunRepository runs;
    private final FlowRunService service;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    SlaMonitor(OwnershipRepository flows, FlowRunRepository runs, FlowRunService service,
               ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.flows = flows;
        this.runs = runs;
        this.service = service;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the incidents opened by this pass */
    List<FlowHealth.Incident> check() {
        List<FlowHealth.Incident> opened = new ArrayList<>();
        for (DataFlow candidate : flows.flows()) {
            if (!candidate.active()) {
                continue;
            }
            FlowHealth.Incident incident = transaction.execute(status -> checkOne(candidate.id()));
            if (incident != null) {
                opened.add(incident);
            }
        }
        return opened;
    }

    private FlowHealth.Incident checkOne(String flowId) {
        DataFlow flow = flows.lockFlow(flowId).orElse(null);
        if (flow == null || !flow.active()) {
            return null;
        }
        Instant now = clock.instant();
        FlowHealth health = service.health(flow, now, FlowRunService.DEFAULT_WINDOW);
        if (health.state().breach() && health.openIncident() == null) {
            FlowHealth.Incident incident = runs.open(flow.id(), health.state(), health.detail(), now);
            events.publishEvent(new FlowSlaMissed(flow.id(), flow.entity(), flow.owner(), health.state().name(),
                    incident.id(), Principal.SYSTEM.name(), null, StateFingerprint.of(incident), now));
            return incident;
        }
        if (health.state() == SlaState.OK && health.openIncident() != null) {
            String run = health.lastSuccess() == null ? null : health.lastSuccess().runId();
            events.publishEvent(service.resolve(health.openIncident(), run, Principal.SYSTEM.name(), now));
        }
        return null;
    }
}
