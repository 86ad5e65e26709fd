package org.canonicalregistry.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.canonicalregistry.registry.flow.FlowRun;
import org.canonicalregistry.registry.flow.FlowRun.Counts;
import org.canonicalregistry.registry.flow.FlowRun.Status;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RunChartTest {

    static final String SVG = "http://www.w3.org/2000/svg";
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    static FlowRun run(String id, int minute, Status status, long received) {
        return new FlowRun(id, "crm-to-billing", T0.plusSeconds(minute * 60L), T0.plusSeconds(minute * 60L + 30),
                status, new Counts(received, received, 0, 0, 0), List.of("customer@1.0"), "adapter");
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> all(Document doc) {
        NodeList nodes = doc.getElementsByTagNameNS("*", "*");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static List<Element> bars(Document doc) {
        return all(doc).stream().filter(e -> e.getLocalName().equals("rect")).toList();
    }

    @Test
    void aRunIdWithMarkupIsEscapedAndTheChartStaysWellFormed() throws Exception {
        String id = "<script>alert(1)</script>&\"'";
        String svg = RunChart.svg(List.of(run(id, 0, Status.FAILED, 0)));

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;");
        Document doc = parse(svg);
        Element title = (Element) bars(doc).get(0).getElementsByTagNameNS(SVG, "title").item(0);
        assertThat(title.getTextContent()).startsWith("run " + id + ": failed");
    }

    @Test
    void theChartIsAnSvgImageLabelledByItsSummary() throws Exception {
        List<FlowRun> runs = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> runs.add(run("r" + i, i, Status.SUCCEEDED, 100 * i)));
        runs.add(run("r10", 10, Status.PARTIAL, 50));
        runs.add(run("r11", 11, Status.FAILED, 0));

        Document doc = parse(RunChart.svg(runs));
        Element root = doc.getDocumentElement();

        assertThat(root.getNamespaceURI()).isEqualTo(SVG);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("viewBox")).isNotEmpty();
        Element title = all(doc).stream()
                .filter(e -> e.getAttribute("id").equals(root.getAttribute("aria-labelledby")))
                .findFirst().orElseThrow();
        assertThat(title.getLocalName()).isEqualTo("title");
        assertThat(title.getTextContent()).isEqualTo("12 runs: 10 succeeded, 1 partial, 1 failed");
        assertThat(bars(doc)).extracting(e -> e.getAttribute("fill"))
                .containsExactlyElementsOf(concat(List.of(Collections.nCopies(10, "#2e7d32"),
                        List.of("#ef6c00", "#c62828"))));
    }

    @Test
    void barsRunOldestLeftWhateverTheInputOrderAndAnEmptyRunStillShows() throws Exception {
        Document doc = parse(RunChart.svg(List.of(run("late", 5, Status.SUCCEEDED, 400),
                run("early", 1, Status.FAILED, 0))));

        List<Element> bars = bars(doc);
        assertThat(bars.get(0).getTextContent()).startsWith("run early: failed, ended 2026-03-01T08:01:30Z");
        assertThat(bars.get(1).getTextContent()).contains("received 400, accepted 400");
        assertThat(Double.parseDouble(bars.get(0).getAttribute("x")))
                .isLessThan(Double.parseDouble(bars.get(1).getAttribute("x")));
        assertThat(Double.parseDouble(bars.get(0).getAttribute("height"))).isGreaterThanOrEqualTo(2);
        assertThat(Double.parseDouble(bars.get(1).getAttribute("height")))
                .isGreaterThan(Double.parseDouble(bars.get(0).getAttribute("height")));
    }

    /** One bar per run, for the latest 60 at most. */
    @Property(tries = 30)
    void thereIsOneBarPerRunUpToSixty(@ForAll @IntRange(min = 1, max = 150) int count) throws Exception {
        List<FlowRun> runs = IntStream.range(0, count)
                .mapToObj(i -> run("r" + i, i, Status.values()[i % 3], i)).toList();

        Document doc = parse(RunChart.svg(runs));

        List<Element> bars = bars(doc);
        assertThat(bars).hasSize(Math.min(count, RunChart.MAX_BARS));
        assertThat(bars.get(bars.size() - 1).getTextContent()).startsWith("run r" + (count - 1) + ":");
        assertThat(all(doc)).allSatisfy(e -> assertThat(e.hasAttribute("style")).isFalse())
                .noneMatch(e -> e.getLocalName().equals("style"));
    }

    @Test
    void leftOutRunsAreSaidInTheSummary() throws Exception {
        List<FlowRun> runs = IntStream.range(0, 75).mapToObj(i -> run("r" + i, i, Status.SUCCEEDED, 1)).toList();

        Document doc = parse(RunChart.svg(runs));

        assertThat(doc.getDocumentElement().getElementsByTagNameNS(SVG, "title").item(0).getTextContent())
                .isEqualTo("latest 60 of 75 runs: 60 succeeded, 0 partial, 0 failed");
    }

    @Test
    void noRunsSaySo() throws Exception {
        String svg = RunChart.svg(List.of());

        Document doc = parse(svg);
        assertThat(bars(doc)).isEmpty();
        assertThat(doc.getDocumentElement().getTextContent()).contains("no runs reported");
        assertThat(doc.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(svg).doesNotContain("style");
    }

    @Test
    void noStyleAttributeOrElementAnywhere() throws Exception {
        String svg = RunChart.svg(List.of(run("a", 0, Status.SUCCEEDED, 5), run("b", 1, Status.PARTIAL, 2)));

        assertThat(svg).doesNotContain("style");
        assertThat(all(parse(svg))).noneMatch(e -> e.hasAttribute("style") || e.getLocalName().equals("style"));
    }

    @Test
    void charactersXmlCannotHoldAreReplaced() throws Exception {
        String svg = RunChart.svg(List.of(run("bad\u0001id\uD800", 0, Status.SUCCEEDED, 1)));

        assertThat(bars(parse(svg)).get(0).getTextContent()).startsWith("run bad\uFFFDid\uFFFD: succeeded");
    }

    private static List<String> concat(List<List<String>> parts) {
        return parts.stream().flatMap(List::stream).toList();
    }
}
