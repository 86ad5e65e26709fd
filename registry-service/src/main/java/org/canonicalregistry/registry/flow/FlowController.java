package org.canonicalregistry.registry.flow;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.canonicalregistry.registry.api.FlowsApi;
import org.canonicalregistry.registry.api.model.Flow;
import org.canonicalregistry.registry.api.model.FlowHealthStatus;
import org.canonicalregistry.registry.api.model.FlowIncident;
import org.canonicalregistry.registry.api.model.FlowRunDetails;
import org.canonicalregistry.registry.api.model.FlowRunReport;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.canonicalregistry.registry.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/flows…}: flow records, runs, health and incidents. */
@RestController
class FlowController implements FlowsApi {

    private final OwnershipService ownership;
    private final FlowRunService runs;
    private final CurrentPrincipal principal;

    FlowController(OwnershipService ownership, FlowRunService runs, CurrentPrincipal principal) {
        this.ownership = ownership;
        this.runs = runs;
        this.principal = principal;
    }

    @Override
    public ResponseEntity<List<Flow>> listFlows(String entity, String system, String owner) {
        return ResponseEntity.ok(ownership.flows(entity, system, owner).stream().map(FlowRepresentation::toApi).toList());
    }

    @Override
    public ResponseEntity<Flow> createFlow(Flow body) {
        Principal who = principal.require();
        DataFlow created = ownership.createFlow(who, FlowRepresentation.fromApi(body));
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/flows/{id}")
                .buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(FlowRepresentation.toApi(created));
    }

    @Override
    public ResponseEntity<Flow> getFlow(String flowId) {
        return ResponseEntity.ok(FlowRepresentation.toApi(ownership.flow(flowId)));
    }

    @Override
    public ResponseEntity<Flow> updateFlow(String flowId, Flow body) {
        Principal who = principal.require();
        if (!flowId.equals(body.getId())) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/id", "must be the path's flow id "
                    + RegistryException.quoted(flowId) + ", was " + RegistryException.quoted(body.getId()))));
        }
        return ResponseEntity.ok(FlowRepresentation.toApi(ownership.updateFlow(who, FlowRepresentation.fromApi(body))));
    }

    @Override
    public ResponseEntity<FlowRunDetails> reportFlowRun(String flowId, FlowRunReport body) {
        Principal who = principal.require();
        FlowRunService.Recorded recorded = runs.record(who, FlowRepresentation.fromApi(flowId, body, who.name()));
        return ResponseEntity.status(HttpStatus.CREATED).body(FlowRepresentation.toApi(recorded.run()));
    }

    @Override
    public ResponseEntity<List<FlowRunDetails>> listFlowRuns(String flowId, Integer limit) {
        return ResponseEntity.ok(runs.runs(flowId, limit == null ? 50 : limit).stream()
                .map(FlowRepresentation::toApi).toList());
    }

    @Override
    public ResponseEntity<FlowHealthStatus> getFlowHealth(String flowId, String window) {
        return ResponseEntity.ok(FlowRepresentation.toApi(runs.health(flowId, window(window))));
    }

    @Override
    public ResponseEntity<List<FlowHealthStatus>> listFlowHealth(String window) {
        return ResponseEntity.ok(runs.healthOfAll(window(window)).stream().map(FlowRepresentation::toApi).toList());
    }

    @Override
    public ResponseEntity<List<FlowIncident>> listFlowIncidents(String flowId) {
        return ResponseEntity.ok(runs.incidents(flowId).stream().map(FlowRepresentation::toApi).toList());
    }

    private static Duration window(String text) {
        List<InvalidField> errors = new ArrayList<>();
        Duration d = FlowRepresentation.duration("/window", text, errors);
        if (!errors.isEmpty()) {
            throw RegistryException.validationFailed(errors);
        }
        return d;
    }
}
