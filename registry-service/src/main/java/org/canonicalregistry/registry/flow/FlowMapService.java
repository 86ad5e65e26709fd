package org.canonicalregistry.registry.flow;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the data-flow map from one consistent read of the landscape and the flows' health. */
@Component
public class FlowMapService {

    private final OwnershipRepository repository;
    private final FlowRunService runs;

    FlowMapService(OwnershipRepository repository, FlowRunService runs) {
        this.repository = repository;
        this.runs = runs;
    }

    /** @param entity null for all; @param system null for all */
    @Transactional(readOnly = true)
    FlowMap map(String entity, String system) {
        Map<String, SlaState> health = new HashMap<>();
        runs.healthOfAll(null).forEach(h -> health.put(h.flow().id(), h.state()));
        return FlowMap.of(repository.load(), health, entity, system);
    }

    /**
     * The map as SVG, exactly as {@code GET /api/v1/map.svg} serves it: every text escaped, no script, no style
     * attributes, so the console can embed it inline under its strict Content-Security-Policy.
     *
     * @param entity only flows of this entity; null for all
     * @param system only flows touching this system; null for all
     */
    @Transactional(readOnly = true)
    public String svg(String entity, String system) {
        return MapRendering.svg(map(entity, system));
    }
}
