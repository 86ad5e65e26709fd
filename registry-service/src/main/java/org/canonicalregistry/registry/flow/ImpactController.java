package org.canonicalregistry.registry.flow;

import java.util.ArrayList;
import org.canonicalregistry.registry.api.ImpactApi;
import org.canonicalregistry.registry.api.model.ImpactFlow;
import org.canonicalregistry.registry.api.model.ImpactReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/impact}: what a change to an entity breaks. */
@RestController
class ImpactController implements ImpactApi {

    private final FlowImpactAnalysis analysis;

    ImpactController(FlowImpactAnalysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public ResponseEntity<ImpactReport> getImpact(String entity, String version) {
        FlowImpactAnalysis.Impact impact = analysis.impactOf(entity, version);
        return ResponseEntity.ok(new ImpactReport().entity(impact.entity()).version(version)
                .baseMajor(impact.baseMajor()).breaking(impact.breaking())
                .flows(impact.flows().stream().map(a -> new ImpactFlow().flowId(a.flow().id()).name(a.flow().name())
                        .owner(a.flow().owner()).pinnedMajor(a.flow().consumesMajor()).source(a.flow().source())
                        .target(a.flow().target()).breaks(a.breaks()).downstream(new ArrayList<>(a.downstream())))
                        .toList())
                .owners(new ArrayList<>(impact.owners())).downstream(new ArrayList<>(impact.downstream())));
    }
}
