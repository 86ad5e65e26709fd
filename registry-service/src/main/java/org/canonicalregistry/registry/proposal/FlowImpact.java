package org.canonicalregistry.registry.proposal;

import java.util.List;

/**
 * Which active flows a proposed version of an entity reaches, and which of them it breaks. Implemented by the data
 * flows feature; until flows are recorded, {@link NoFlowsRecorded} answers with none, in the same shape.
 */
public interface FlowImpact {

    /**
     * @param entity the entity being changed
     * @param baseMajor the major line the proposal was judged against; null for an entity's first schema
     * @param breaking whether the proposal opens a new major line because it breaks {@code baseMajor}
     * @return the active flows carrying the entity, in a stable order; never null
     */
    List<ImpactedFlow> flowsCarrying(String entity, Integer baseMajor, boolean breaking);
}
