package org.canonicalregistry.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The map of the sample landscape: its SVG is well-formed XML whose nodes and edges are exactly the JSON graph's. */
class FlowMapTest {

    static Landscape sample() {
        OwnershipFiles.Parsed parsed = OwnershipFiles.parse(Samples.files().stream()
                .map(f -> new OwnershipFiles.SourceFile(f.path(), f.content())).toList());
        assertThat(parsed.problems()).isEmpty();
        assertThat(OwnershipRules.check(parsed.landscape(), null)).isEmpty();
        return parsed.landscape();
    }

    static Map<String, SlaState> someHealth(Landscape l) {
        Map<String, SlaState> health = new HashMap<>();
        SlaState[] states = SlaState.values();
        for (int i = 0; i < l.flows().size(); i++) {
            health.put(l.flows().get(i).id(), states[i % states.length]);
        }
        return health;
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> groups(Document doc, String cls) {
        NodeList gs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").equals(cls)) {
                out.add(g);
            }
        }
        return out;
    }

    @Test
    void theSampleMapsSvgIsWellFormedAndItsNodesAndEdgesMatchTheGraph() throws Exception {
        Landscape landscape = sample();
        FlowMap map = FlowMap.of(landscape, someHealth(landscape), null, null);

        Document doc = parse(MapRendering.svg(map));

        Set<String> svgNodes = new HashSet<>();
        groups(doc, "node").forEach(g -> svgNodes.add(g.getAttribute("data-system")));
        assertThat(svgNodes).containsExactlyInAnyOrderElementsOf(map.nodes().stream().map(FlowMap.Node::code).toList());
        List<String> svgEdges = groups(doc, "edge").stream().map(g -> g.getAttribute("data-flow") + " "
                + g.getAttribute("data-source") + ">" + g.getAttribute("data-target") + " " + g.getAttribute("data-label")
                + " " + g.getAttribute("data-health")).toList();
        assertThat(svgEdges).containsExactlyInAnyOrderElementsOf(map.edges().stream().map(e -> e.flowId() + " "
                + e.source() + ">" + e.target() + " " + e.label() + " "
                + (e.health() == null ? "NOT_MONITORED" : e.health().name())).toList());
        // Every flow not retired is on the map; systems of record are marked.
        assertThat(map.edges()).hasSize((int) landscape.flows().stream().filter(f -> f.lifecycle() != Lifecycle.RETIRED).count());
        assertThat(groups(doc, "node").stream().filter(g -> g.getAttribute("data-system-of-record").equals("true"))
                .map(g -> g.getAttribute("data-system"))).contains("crm", "erp", "billing");
    }

    /**
     * docs/data-flows.md embeds the rendered sample map; this keeps the committed image equal to what the code draws
     * (regenerate with {@code -Ddocs.regenerate=true}). The sample as the quickstart shows it before any run.
     */
    @Test
    void theDocumentedMapIsTheRenderedSampleLandscape() throws Exception {
        Path image = Path.of("..", "docs", "images", "data-flow-map.svg");
        String svg = MapRendering.svg(FlowMap.of(sample(), Map.of(), null, null));
        if (Boolean.getBoolean("docs.regenerate")) {
            Files.createDirectories(image.getParent());
            Files.writeString(image, svg);
        }
        assertThat(image).as("regenerate with -Ddocs.regenerate=true").exists();
        assertThat(Files.readString(image)).as("regenerate with -Ddocs.regenerate=true").isEqualTo(svg);
    }

    @Test
    void theSampleMapReportsPointToPointBesideHubConnections() {
        FlowMap map = FlowMap.of(sample(), Map.of(), null, null);

        // 12 systems around the hub; hr has no flow yet, so 11 of them are connected.
        assertThat(map.systems()).isEqualTo(12);
        assertThat(map.pointToPoint()).isEqualTo(66);
        assertThat(map.hubConnections()).isEqualTo(11);
        assertThat(map.nodes().get(0).hub()).isTrue();
        assertThat(map.edges()).allMatch(e -> !e.source().equals(map.hub()) && !e.target().equals(map.hub()));
    }

    @Test
    void filtersKeepTheFlowsOfAnEntityOrASystemAndOnlyTheSystemsTheyTouch() {
        FlowMap invoices = FlowMap.of(sample(), Map.of(), "invoice", null);
        assertThat(invoices.edges()).allMatch(e -> e.entity().equals("invoice")).isNotEmpty();
        assertThat(invoices.nodes()).extracting(FlowMap.Node::code).doesNotContain("marketing-automation", "hr");
        assertThat(invoices.pointToPoint()).isEqualTo((long) invoices.systems() * (invoices.systems() - 1) / 2);

        FlowMap wms = FlowMap.of(sample(), Map.of(), null, "wms");
        assertThat(wms.edges()).allMatch(e -> e.source().equals("wms") || e.target().equals("wms"));
        assertThat(wms.hubConnections()).isEqualTo(wms.systems());
    }

    @Test
    void everyLabelIsEscapedInSvgAndMermaid() throws Exception {
        String hostile = "<script>alert(\"x\")</script> & 'quotes' | #hash";
        Landscape l = new Landscape(
                List.of(new ConnectedSystem("hub", "Hub <b>", ConnectedSystem.Kind.HUB, "t", "", Lifecycle.ACTIVE),
                        new ConnectedSystem("a", hostile, ConnectedSystem.Kind.SAAS, "t", "", Lifecycle.ACTIVE),
                        new ConnectedSystem("b", "B\u0001\"", ConnectedSystem.Kind.SAAS, "t", "", Lifecycle.ACTIVE)),
                List.of(new SystemOfRecord("x<y", "a", SystemOfRecord.Role.AUTHORITATIVE, List.of(), 1)),
                List.of(new DataFlow("f", "F & <G>", "x<y", 1, "a", "b",
                        new DataFlow.Trigger(DataFlow.Trigger.Type.EVENT, "e"), "o\"wner",
                        new DataFlow.Delivery(1, Duration.ofSeconds(1), null, false),
                        new DataFlow.Freshness(Duration.ofHours(1), null), Lifecycle.ACTIVE)));
        FlowMap map = FlowMap.of(l, Map.of("f", SlaState.OK), null, null);

        String svg = MapRendering.svg(map);
        Document doc = parse(svg);

        assertThat(svg).doesNotContain("<script>", "<b>", "\u0001");
        assertThat(doc.getDocumentElement().getTextContent()).contains(hostile).contains("x<y@1");
        String mermaid = MapRendering.mermaid(map);
        assertThat(mermaid).doesNotContain("<script>", "\"x\"", "| #hash").contains("#lt;script#gt;");
    }
}
