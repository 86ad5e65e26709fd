package org.canonicalregistry.registry.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole set of ownership records at one moment: what the rules judge, impact analysis walks and the map draws.
 * Lists keep their order (a store's is sorted by key; an import's is the files' order).
 */
record Landscape(List<ConnectedSystem> systems, List<SystemOfRecord> systemsOfRecord, List<DataFlow> flows) {

    static final Landscape EMPTY = new Landscape(List.of(), List.of(), List.of());

    Landscape {
        systems = List.copyOf(systems);
        systemsOfRecord = List.copyOf(systemsOfRecord);
        flows = List.copyOf(flows);
    }

    Map<String, ConnectedSystem> systemsByCode() {
        Map<String, ConnectedSystem> out = new LinkedHashMap<>();
        systems.forEach(s -> out.putIfAbsent(s.code(), s));
        return out;
    }

    Optional<ConnectedSystem> hub() {
        return systems.stream().filter(s -> s.kind() == ConnectedSystem.Kind.HUB).findFirst();
    }

    Optional<DataFlow> flow(String id) {
        return flows.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** This landscape with {@code system} added or replacing the one with its code. */
    Landscape with(ConnectedSystem system) {
        List<ConnectedSystem> out = new ArrayList<>(systems);
        out.removeIf(s -> s.code().equals(system.code()));
        out.add(system);
        return new Landscape(out, systemsOfRecord, flows);
    }

    Landscape with(SystemOfRecord sor) {
        List<SystemOfRecord> out = new ArrayList<>(systemsOfRecord);
        out.removeIf(s -> s.key().equals(sor.key()));
        out.add(sor);
        return new Landscape(systems, out, flows);
    }

    Landscape without(SystemOfRecord sor) {
        List<SystemOfRecord> out = new ArrayList<>(systemsOfRecord);
        out.removeIf(s -> s.key().equals(sor.key()));
        return new Landscape(systems, out, flows);
    }

    Landscape with(DataFlow flow) {
        List<DataFlow> out = new ArrayList<>(flows);
        out.removeIf(f -> f.id().equals(flow.id()));
        out.add(flow);
        return new Landscape(systems, systemsOfRecord, out);
    }
}
