package org.canonicalregistry.registry.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.proposal.FlowImpact;
import org.canonicalregistry.registry.proposal.ImpactedFlow;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a change to an entity breaks, from the recorded flows. This drives the approvers of breaking proposals.
 *
 * <p><b>How "breaks" is judged.</b> Only ACTIVE flows carrying the entity are considered. A flow reads the major line
 * it is pinned to ({@code consumesMajor}). A compatible proposal (a new minor of the base line) is backward compatible
 * under the entity's policy with every version of that line, so it breaks no flow. A breaking proposal opens the next
 * major: the flows pinned to the base major cannot read it without a migration, so exactly those break; flows pinned
 * to other majors (older lines still served, or a line declared ahead) keep reading their own line and are listed
 * with {@code breaks = false}. An entity's first schema breaks nothing.
 *
 * <p>Downstream systems of a flow: its target, and transitively the targets of the active flows of the same entity
 * leaving any downstream system (what it receives, it passes on).
 */
@Component
class FlowImpactAnalysis implements FlowImpact {

    private final OwnershipRepository repository;
    private final EntityService entities;
    private final SchemaVersionService versions;

    FlowImpactAnalysis(OwnershipRepository repository, EntityService entities, SchemaVersionService versions) {
        this.repository = repository;
        this.entities = entities;
        this.versions = versions;
    }

    /**
     * The impact of a change to {@code entity}. Without {@code version}: a breaking change of its newest major line
     * (nothing breaks while it has no version). {@code M.0} with M > 1 opens major M, breaking the flows pinned to
     * M-1; any other version is a compatible change of line M.
     *
     * @throws org.canonicalregistry.registry.problem.RegistryException ENTITY_NOT_FOUND
     */
    @Transactional(readOnly = true)
    Impact impactOf(String entity, String version) {
        entities.get(entity);
        if (version == null) {
            Integer newest = versions.list(entity).stream().map(SchemaVersion::major).max(Integer::compare).orElse(null);
            return analyse(repository.flows(), entity, newest, newest != null);
        }
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        boolean opensMajor = Integer.parseInt(parts[1]) == 0 && major > 1;
        return analyse(repository.flows(), entity, opensMajor ? major - 1 : major, opensMajor);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ImpactedFlow> flowsCarrying(String entity, Integer baseMajor, boolean breaking) {
        return analyse(repository.flows(), entity, baseMajor, breaking).flows().stream()
                .map(f -> new ImpactedFlow(f.flow().id(), f.flow().name(), f.flow().owner(), f.flow().consumesMajor(),
                        f.flow().source(), f.flow().target(), f.breaks()))
                .toList();
    }

    /** One flow as impact analysis sees it. */
    record Affected(DataFlow flow, boolean breaks, List<String> downstream) {
    }

    /**
     * @param owners owners of the flows that break, sorted: the flow-owner approvers a breaking proposal needs
     * @param downstream every system downstream of a breaking flow, sorted
     */
    record Impact(String entity, Integer baseMajor, boolean breaking, List<Affected> flows, List<String> owners,
                  List<String> downstream) {
    }

    /** Pure: the impact over {@code flows} (any order; the result is sorted by flow id). */
    static Impact analyse(List<DataFlow> flows, String entity, Integer baseMajor, boolean breaking) {
        Map<String, List<DataFlow>> leaving = new HashMap<>();
        List<DataFlow> carrying = new ArrayList<>();
        for (DataFlow f : flows) {
            if (f.active() && f.entity().equals(entity)) {
                carrying.add(f);
                leaving.computeIfAbsent(f.source(), k -> new ArrayList<>()).add(f);
            }
        }
        carrying.sort((a, b) -> a.id().compareTo(b.id()));
        List<Affected> out = new ArrayList<>(carrying.size());
        Set<String> owners = new TreeSet<>();
        Set<String> downstreamAll = new TreeSet<>();
        for (DataFlow f : carrying) {
            boolean breaks = breaking && baseMajor != null && f.consumesMajor() == baseMajor;
            List<String> downstream = downstream(f, leaving);
            if (breaks) {
                owners.add(f.owner());
                downstreamAll.addAll(downstream);
            }
            out.add(new Affected(f, breaks, downstream));
        }
        return new Impact(entity, baseMajor, breaking, out, List.copyOf(owners), List.copyOf(downstreamAll));
    }

    private static List<String> downstream(DataFlow start, Map<String, List<DataFlow>> leaving) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start.target());
        while (!todo.isEmpty()) {
            String system = todo.poll();
            if (system.equals(start.source()) || !seen.add(system)) {
                continue;
            }
            for (DataFlow next : leaving.getOrDefault(system, List.of())) {
                todo.add(next.target());
            }
        }
        return seen.stream().sorted().toList();
    }
}
