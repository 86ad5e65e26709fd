package org.canonicalregistry.registry.flow;

import java.util.ArrayList;
import org.canonicalregistry.registry.api.MapApi;
import org.canonicalregistry.registry.api.model.DataFlowMap;
import org.canonicalregistry.registry.api.model.MapEdge;
import org.canonicalregistry.registry.api.model.MapNode;
import org.canonicalregistry.registry.api.model.RecordLifecycle;
import org.canonicalregistry.registry.api.model.SlaStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/map}, {@code /map/svg}, {@code /map/mermaid}: one graph, three renderings. */
@RestController
class MapController implements MapApi {

    static final MediaType SVG = MediaType.valueOf("image/svg+xml");

    private final FlowMapService maps;

    MapController(FlowMapService maps) {
        this.maps = maps;
    }

    @Override
    public ResponseEntity<DataFlowMap> getFlowMap(String entity, String system) {
        FlowMap map = maps.map(entity, system);
        return ResponseEntity.ok(new DataFlowMap()
                .nodes(map.nodes().stream().map(n -> new MapNode().code(n.code()).name(n.name()).kind(n.kind())
                        .hub(n.hub()).systemOfRecord(n.systemOfRecord())
                        .authoritativeFor(new ArrayList<>(n.authoritativeFor())).masters(new ArrayList<>(n.masters())))
                        .toList())
                .edges(map.edges().stream().map(e -> new MapEdge().flowId(e.flowId()).name(e.name()).source(e.source())
                        .via(map.hub()).target(e.target()).label(e.label()).entity(e.entity()).major(e.major())
                        .owner(e.owner()).lifecycle(RecordLifecycle.valueOf(e.lifecycle()))
                        .health(e.health() == null ? null : SlaStatus.valueOf(e.health().name()))
                        .colour(e.health() == null ? MapRendering.NOT_MONITORED : MapRendering.COLOURS.get(e.health())))
                        .toList())
                .systems(map.systems()).pointToPoint(map.pointToPoint()).hubConnections(map.hubConnections())
                .mermaid(MapRendering.mermaid(map)));
    }

    @Override
    public ResponseEntity<String> getFlowMapSvg(String entity, String system) {
        return ResponseEntity.ok().contentType(SVG).body(MapRendering.svg(maps.map(entity, system)));
    }

    @Override
    public ResponseEntity<String> getFlowMapMermaid(String entity, String system) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(MapRendering.mermaid(maps.map(entity, system)));
    }
}
