package org.canonicalregistry.registry.proposal;

import java.util.List;
import org.springframework.stereotype.Component;

/** No data flows are recorded yet (the flows feature replaces this): no proposal reaches any flow. */
@Component
class NoFlowsRecorded implements FlowImpact {

    @Override
    public List<ImpactedFlow> flowsCarrying(String entity, Integer baseMajor, boolean breaking) {
        return List.of();
    }
}
