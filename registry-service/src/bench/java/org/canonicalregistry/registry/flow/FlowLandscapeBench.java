package org.canonicalregistry.registry.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Prints how long impact analysis and map rendering take for a landscape of 200 systems and 2,000 flows (target:
 * under 100 ms each). Plain timing, no assertions:
 * {@code ./mvnw -o -q -pl registry-service -am -Pbench-flows verify -DskipTests} (a profile name of its own, so
 * {@code -am} does not also run schema-core's {@code bench}). In memory, on the landscape as loaded from the store
 * (one query per table).
 */
public final class FlowLandscapeBench {

    static final int SYSTEMS = 200;
    static final int FLOWS = 2_000;
    static final int ENTITIES = 20;

    private FlowLandscapeBench() {
    }

    public static void main(String[] args) {
        Landscape landscape = landscape(new Random(42));
        Map<String, SlaState> health = new HashMap<>();
        SlaState[] states = SlaState.values();
        for (int i = 0; i < landscape.flows().size(); i++) {
            health.put(landscape.flows().get(i).id(), states[i % states.length]);
        }
        System.out.printf(Locale.ROOT, "landscape: %d systems, %d flows, %d entities, %d systems of record%n",
                landscape.systems().size(), landscape.flows().size(), ENTITIES, landscape.systemsOfRecord().size());
        report("impact analysis (breaking change of entity-0, 1 entity)", () ->
                FlowImpactAnalysis.analyse(landscape.flows(), "entity-0", 1, true));
        FlowImpactAnalysis.Impact sample = FlowImpactAnalysis.analyse(landscape.flows(), "entity-0", 1, true);
        System.out.printf(Locale.ROOT, "  entity-0: %d active flows carry it, %d break, %d owners, %d systems downstream%n",
                sample.flows().size(), sample.flows().stream().filter(FlowImpactAnalysis.Affected::breaks).count(),
                sample.owners().size(), sample.downstream().size());
        report("impact analysis (every entity in turn, 20 analyses)", () -> {
            int n = 0;
            for (int e = 0; e < ENTITIES; e++) {
                n += FlowImpactAnalysis.analyse(landscape.flows(), "entity-" + e, 1, true).flows().size();
            }
            return n;
        });
        report("map graph (FlowMap.of)", () -> FlowMap.of(landscape, health, null, null));
        report("map graph + SVG", () -> MapRendering.svg(FlowMap.of(landscape, health, null, null)));
        report("map graph + Mermaid", () -> MapRendering.mermaid(FlowMap.of(landscape, health, null, null)));
        report("ownership rules over the whole landscape", () -> OwnershipRules.check(landscape, null));
        String svg = MapRendering.svg(FlowMap.of(landscape, health, null, null));
        System.out.printf(Locale.ROOT, "SVG size: %,d bytes%n", svg.length());
    }

    private static void report(String what, Supplier<Object> work) {
        Object sink = null;
        long warmUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < warmUntil) {
            sink = work.get();
        }
        int runs = 30;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            sink = work.get();
            nanos[i] = System.nanoTime() - t0;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-58s median %8.3f ms   p90 %8.3f ms   max %8.3f ms  (%d runs)%s%n", what,
                nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6, nanos[runs - 1] / 1e6, runs,
                sink == null ? "" : "");
    }

    static Landscape landscape(Random random) {
        List<ConnectedSystem> systems = new ArrayList<>();
        systems.add(new ConnectedSystem("hub", "Integration hub", ConnectedSystem.Kind.HUB, "platform", "the hub",
                Lifecycle.ACTIVE));
        for (int i = 0; i < SYSTEMS; i++) {
            systems.add(new ConnectedSystem("system-" + i, "System number " + i + " <&>", ConnectedSystem.Kind.SAAS,
                    "team-" + (i % 15), "generated", Lifecycle.ACTIVE));
        }
        List<SystemOfRecord> sors = new ArrayList<>();
        for (int e = 0; e < ENTITIES; e++) {
            sors.add(new SystemOfRecord("entity-" + e, "system-" + e, SystemOfRecord.Role.AUTHORITATIVE, List.of(), 1));
            sors.add(new SystemOfRecord("entity-" + e, "system-" + (e + 100), SystemOfRecord.Role.AUTHORITATIVE,
                    List.of("/part"), 1));
        }
        List<DataFlow> flows = new ArrayList<>();
        for (int i = 0; i < FLOWS; i++) {
            int source = random.nextInt(SYSTEMS);
            int target = (source + 1 + random.nextInt(SYSTEMS - 1)) % SYSTEMS;
            flows.add(new DataFlow("flow-" + i, "Flow " + i, "entity-" + (i % ENTITIES), 1 + random.nextInt(2),
                    "system-" + source, "system-" + target,
                    new DataFlow.Trigger(DataFlow.Trigger.Type.EVENT, "event." + i), "owner" + (i % 97),
                    new DataFlow.Delivery(5, Duration.ofSeconds(30), "dlq." + i, true),
                    new DataFlow.Freshness(Duration.ofHours(1), null),
                    // Every tenth flow is planned (not monitored, not in impact); i % 10 == 3 spreads them over entities.
                    i % 10 == 3 ? Lifecycle.PLANNED : Lifecycle.ACTIVE));
        }
        return new Landscape(systems, sors, flows);
    }
}
