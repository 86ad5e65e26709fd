package org.canonicalregistry.registry.proposal;

import java.util.List;

/**
 * Where a proposed schema would land, decided against the entity's versions at one moment (under the entity lock).
 *
 * @param baseVersion the latest live version of the line it was judged against; null when there is none
 * @param baseMajor that line's major; null for an entity's first schema
 * @param breaking it opens a new major line
 * @param verdictJson the verdict document; null when nothing was compared (first schema)
 */
record ProposalPlan(String baseVersion, Integer baseMajor, int proposedMajor, int proposedMinor, boolean breaking,
                    String verdictJson, List<ImpactedFlow> impact) {
}
