package org.canonicalregistry.registry.flow;

import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds the data-flow map from one consistent read of the landscape and the flows' health. */
@Component
class FlowMapService {

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
}
