package org.canonicalregistry.registry.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.canonicalregistry.registry.flow.DataFlow;
import org.canonicalregistry.registry.flow.FlowHealth;
import org.canonicalregistry.registry.flow.FlowMapService;
import org.canonicalregistry.registry.flow.FlowRun;
import org.canonicalregistry.registry.flow.FlowRunService;
import org.canonicalregistry.registry.flow.OwnershipService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Flows with their health, one flow's SLA, recent runs and incidents, and the data-flow map. The map is the API's
 * own SVG (every text escaped, no script or style attribute), embedded inline.
 */
@Controller
class FlowPages {

    static final int RECENT_RUNS = 30;

    private final OwnershipService ownership;
    private final FlowRunService runs;
    private final FlowMapService maps;

    FlowPages(OwnershipService ownership, FlowRunService runs, FlowMapService maps) {
        this.ownership = ownership;
        this.runs = runs;
        this.maps = maps;
    }

    @GetMapping("/flows")
    String list(Model model) {
        Map<String, FlowHealth> health = new HashMap<>();
        runs.healthOfAll(null).forEach(h -> health.put(h.flow().id(), h));
        model.addAttribute("flows", ownership.flows(null, null, null));
        model.addAttribute("health", health);
        return "console/flows";
    }

    @GetMapping("/flows/{id}")
    String flow(@PathVariable String id, Model model) {
        DataFlow flow = ownership.flow(id);
        var recent = runs.runs(id, RECENT_RUNS);
        model.addAttribute("flow", flow);
        model.addAttribute("health", runs.health(id, null));
        model.addAttribute("runs", recent);
        model.addAttribute("chart", RunChart.svg(oldestFirst(recent)));
        model.addAttribute("incidents", runs.incidents(id));
        return "console/flow";
    }

    @GetMapping("/map")
    String map(@RequestParam(name = "entity", required = false) String entity,
               @RequestParam(name = "system", required = false) String system, Model model) {
        String e = blankToNull(entity);
        String s = blankToNull(system);
        model.addAttribute("svg", maps.svg(e, s));
        model.addAttribute("entity", e);
        model.addAttribute("system", s);
        model.addAttribute("entities", ownership.flows(null, null, null).stream().map(DataFlow::entity).distinct()
                .sorted().toList());
        model.addAttribute("systems", ownership.systems());
        return "console/map";
    }

    private static List<FlowRun> oldestFirst(List<FlowRun> newestFirst) {
        List<FlowRun> out = new ArrayList<>(newestFirst);
        Collections.reverse(out);
        return out;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
