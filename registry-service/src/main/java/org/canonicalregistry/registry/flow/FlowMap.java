package org.canonicalregistry.registry.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data-flow map: systems and the hub as nodes, flows as edges through the hub. Pure; built from a landscape and
 * the flows' SLA states, so the map, its Mermaid text and its SVG always agree.
 *
 * @param hub code of the hub node ({@code hub} when no HUB system is recorded)
 * @param nodes the hub first, then the systems by code
 * @param edges one per flow, by flow id
 * @param systems how many systems (besides the hub) are on the map
 * @param pointToPoint n(n-1)/2 for those n systems: the direct connections a hub replaces
 * @param hubConnections the systems actually connected to the hub (at least one flow in or out)
 */
record FlowMap(String hub, List<Node> nodes, List<Edge> edges, int systems, long pointToPoint, int hubConnections) {

    /**
     * @param authoritativeFor entities this system is the AUTHORITATIVE system of for the whole entity, sorted
     * @param masters scoped AUTHORITATIVE declarations, {@code customer/paymentTerms}, sorted
     */
    record Node(String code, String name, String kind, boolean hub, List<String> authoritativeFor, List<String> masters) {
        boolean systemOfRecord() {
            return !authoritativeFor.isEmpty() || !masters.isEmpty();
        }
    }

    /**
     * @param health the flow's SLA state; null for a flow that is not ACTIVE (not monitored)
     */
    record Edge(String flowId, String name, String source, String target, String label, String entity, int major,
                String owner, String lifecycle, SlaState health) {
    }

    /**
     * @param entity keep only flows carrying it; null for all
     * @param system keep only flows from or to it; null for all
     * @param health SLA state per ACTIVE flow id
     */
    static FlowMap of(Landscape landscape, Map<String, SlaState> health, String entity, String system) {
        String hub = landscape.hub().map(ConnectedSystem::code).orElse("hub");
        List<Edge> edges = new ArrayList<>();
        Set<String> connected = new TreeSet<>();
        for (DataFlow f : landscape.flows()) {
            if (f.lifecycle() == Lifecycle.RETIRED || (entity != null && !f.entity().equals(entity))
                    || (system != null && !f.source().equals(system) && !f.target().equals(system))) {
                continue;
            }
            edges.add(new Edge(f.id(), f.name(), f.source(), f.target(), f.carries(), f.entity(), f.consumesMajor(),
                    f.owner(), f.lifecycle().name(), f.active() ? health.getOrDefault(f.id(), SlaState.NEVER_RAN) : null));
            connected.add(f.source());
            connected.add(f.target());
        }
        edges.sort((a, b) -> a.flowId().compareTo(b.flowId()));
        Map<String, Set<String>> whole = new TreeMap<>();
        Map<String, Set<String>> scoped = new TreeMap<>();
        for (SystemOfRecord s : landscape.systemsOfRecord()) {
            if (s.role() != SystemOfRecord.Role.AUTHORITATIVE) {
                continue;
            }
            if (s.scope().isEmpty()) {
                whole.computeIfAbsent(s.system(), k -> new TreeSet<>()).add(s.entity());
            } else {
                for (String p : s.scope()) {
                    scoped.computeIfAbsent(s.system(), k -> new TreeSet<>()).add(s.entity() + p);
                }
            }
        }
        boolean filtered = entity != null || system != null;
        List<Node> nodes = new ArrayList<>();
        ConnectedSystem hubSystem = landscape.systemsByCode().get(hub);
        nodes.add(new Node(hub, hubSystem == null ? "Integration hub" : hubSystem.name(), "HUB", true, List.of(), List.of()));
        for (ConnectedSystem s : landscape.systems().stream().sorted((a, b) -> a.code().compareTo(b.code())).toList()) {
            if (s.code().equals(hub) || (filtered ? !connected.contains(s.code()) : s.lifecycle() == Lifecycle.RETIRED
                    && !connected.contains(s.code()))) {
                continue;
            }
            nodes.add(new Node(s.code(), s.name(), s.kind().name(), false,
                    List.copyOf(whole.getOrDefault(s.code(), Set.of())),
                    List.copyOf(scoped.getOrDefault(s.code(), Set.of()))));
        }
        int n = nodes.size() - 1;
        int hubConnections = (int) nodes.stream().filter(x -> !x.hub() && connected.contains(x.code())).count();
        return new FlowMap(hub, nodes, edges, n, (long) n * (n - 1) / 2, hubConnections);
    }
}
