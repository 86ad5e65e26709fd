package org.canonicalregistry.registry.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link FlowMap} as Mermaid text and as a standalone SVG. Every label is escaped for its target (XML text and
 * attributes; Mermaid quoted strings), so a system name such as {@code <script>} or {@code "A & B"} is shown, never
 * interpreted. SVG layout: the hub in the centre, the systems on an ellipse around it; each flow a line from its
 * source along that system's spoke into the hub and out along the target's spoke, in its own lane so parallel flows
 * stay visible, coloured by health, its label {@code entity@major} on the target's spoke.
 */
final class MapRendering {

    static final Map<SlaState, String> COLOURS = Map.of(SlaState.OK, "#2e7d32", SlaState.LATE, "#ef6c00",
            SlaState.FAILING, "#c62828", SlaState.NEVER_RAN, "#757575");
    static final String NOT_MONITORED = "#9e9e9e";
    private static final String SOR_STROKE = "#b8860b";

    private MapRendering() {
    }

    // ---------------------------------------------------------------- Mermaid

    static String mermaid(FlowMap map) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (FlowMap.Node n : map.nodes()) {
            String label = n.code() + (n.name().equals(n.code()) ? "" : "<br/>" + n.name())
                    + (n.authoritativeFor().isEmpty() ? "" : "<br/>SoR: " + String.join(", ", n.authoritativeFor()));
            out.append("  ").append(id(n.code())).append(n.hub() ? "((" : "[").append(mermaidText(label, true))
                    .append(n.hub() ? "))" : "]").append('\n');
        }
        int link = 0;
        StringBuilder styles = new StringBuilder();
        for (FlowMap.Edge e : map.edges()) {
            String label = mermaidText(e.label(), false);
            out.append("  ").append(id(e.source())).append(" -->|").append(label).append("| ").append(id(map.hub()))
                    .append('\n');
            out.append("  ").append(id(map.hub())).append(" -->|").append(label).append("| ").append(id(e.target()))
                    .append('\n');
            String colour = colour(e);
            styles.append("  linkStyle ").append(link).append(',').append(link + 1).append(" stroke:").append(colour)
                    .append(e.health() == null ? ",stroke-dasharray:4 4" : "").append('\n');
            link += 2;
        }
        out.append(styles);
        out.append("  classDef sor stroke:").append(SOR_STROKE).append(",stroke-width:3px\n");
        List<String> sor = map.nodes().stream().filter(FlowMap.Node::systemOfRecord).map(n -> id(n.code())).toList();
        if (!sor.isEmpty()) {
            out.append("  class ").append(String.join(",", sor)).append(" sor\n");
        }
        return out.toString();
    }

    private static String id(String code) {
        return "n_" + code.replace('-', '_');
    }

    /** A Mermaid quoted string: entity codes for the characters Mermaid would read ({@code <br/>} kept where meant). */
    private static String mermaidText(String text, boolean keepBreaks) {
        String[] parts = keepBreaks ? text.split("<br/>", -1) : new String[] {text};
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append("<br/>");
            }
            for (char c : parts[i].toCharArray()) {
                switch (c) {
                    case '"' -> out.append("#quot;");
                    case '<' -> out.append("#lt;");
                    case '>' -> out.append("#gt;");
                    case '#' -> out.append("#35;");
                    case '&' -> out.append("#amp;");
                    case '|' -> out.append("#124;");
                    case '\n', '\r' -> out.append(' ');
                    default -> out.append(c);
                }
            }
        }
        return out.append('"').toString();
    }

    // ---------------------------------------------------------------- SVG

    static String svg(FlowMap map) {
        List<FlowMap.Node> systems = map.nodes().stream().filter(n -> !n.hub()).toList();
        int n = Math.max(systems.size(), 1);
        // An ellipse wider than tall: the nodes are wide boxes, and each needs room beside its neighbours.
        double rx = Math.max(400, n * 40.0);
        double ry = Math.max(300, n * 28.0);
        double width = 2 * rx + NODE_W + 80;
        double height = 2 * ry + 220;
        double cx = width / 2;
        double cy = height / 2 + 30;
        Map<String, double[]> at = new HashMap<>();
        at.put(map.hub(), new double[] {cx, cy});
        for (int i = 0; i < systems.size(); i++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * i / n;
            at.put(systems.get(i).code(), new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)});
        }
        Map<String, Boolean> sor = new HashMap<>();
        map.nodes().forEach(x -> sor.put(x.code(), x.systemOfRecord()));
        // Each system's spoke carries its flows side by side: the k-th of m is offset k - (m-1)/2 lanes.
        Map<String, Integer> lanes = new HashMap<>();
        map.edges().forEach(e -> {
            lanes.merge(e.source(), 1, Integer::sum);
            lanes.merge(e.target(), 1, Integer::sum);
        });
        Map<String, Integer> used = new HashMap<>();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n")
                .append("<title>Data-flow map</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        legend(out, map, width);
        out.append("<defs>\n");
        for (Map.Entry<String, String> m : new java.util.TreeMap<>(Map.of("ok", COLOURS.get(SlaState.OK), "late",
                COLOURS.get(SlaState.LATE), "failing", COLOURS.get(SlaState.FAILING), "never_ran",
                COLOURS.get(SlaState.NEVER_RAN), "none", NOT_MONITORED)).entrySet()) {
            out.append("  <marker id=\"arrow-").append(m.getKey()).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
                    .append(" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                    .append(m.getValue()).append("\"/></marker>\n");
        }
        out.append("</defs>\n<g class=\"edges\" fill=\"none\">\n");
        double[] hub = at.get(map.hub());
        for (FlowMap.Edge e : map.edges()) {
            double[] s = at.get(e.source());
            double[] t = at.get(e.target());
            if (s == null || t == null) {
                continue;
            }
            double ls = lane(used, lanes, e.source());
            double lt = lane(used, lanes, e.target());
            double[] sEdge = offset(boxEdge(s, hub, sor.get(e.source())), s, hub, ls * LANE);
            double[] hIn = offset(ellipseEdge(hub, s), s, hub, ls * LANE);
            double[] hOut = offset(ellipseEdge(hub, t), hub, t, lt * LANE);
            double[] tEdge = offset(boxEdge(t, hub, sor.get(e.target())), hub, t, lt * LANE);
            // Labels of one spoke stack across it and stagger along it, so wide labels on a flat spoke do not overlap.
            double along = 0.5 + 0.13 * (Math.round(Math.abs(lt * 2)) % 3);
            double[] label = offset(new double[] {hOut[0] + (tEdge[0] - hOut[0]) * along,
                    hOut[1] + (tEdge[1] - hOut[1]) * along}, hub, t, lt * LABEL_LANE - lt * LANE);
            String colour = colour(e);
            String marker = e.health() == null ? "none" : e.health().name().toLowerCase(Locale.ROOT);
            out.append("  <g class=\"edge\" data-flow=\"").append(xml(e.flowId())).append("\" data-source=\"")
                    .append(xml(e.source())).append("\" data-target=\"").append(xml(e.target()))
                    .append("\" data-label=\"").append(xml(e.label())).append("\" data-health=\"")
                    .append(e.health() == null ? "NOT_MONITORED" : e.health().name()).append("\">\n")
                    .append("    <title>").append(xml(e.flowId() + ": " + e.label() + " from " + e.source() + " via "
                            + map.hub() + " to " + e.target() + ", owner " + e.owner() + ", "
                            + (e.health() == null ? e.lifecycle() : e.health().name()))).append("</title>\n")
                    .append("    <path d=\"M").append(pt(sEdge)).append(" L").append(pt(hIn)).append(" L").append(pt(hOut))
                    .append(" L").append(pt(tEdge)).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"1.4\" stroke-linejoin=\"round\"")
                    .append(e.health() == null ? " stroke-dasharray=\"5 4\"" : "")
                    .append(" marker-end=\"url(#arrow-").append(marker).append(")\"/>\n")
                    .append("    <text x=\"").append(num(label[0])).append("\" y=\"").append(num(label[1] + 3))
                    .append("\" fill=\"").append(colour).append("\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"")
                    .append(" font-size=\"10\" text-anchor=\"middle\">").append(xml(e.label())).append("</text>\n")
                    .append("  </g>\n");
        }
        out.append("</g>\n<g class=\"nodes\">\n");
        for (FlowMap.Node node : map.nodes()) {
            double[] p = at.get(node.code());
            boolean isSor = node.systemOfRecord();
            double h = isSor ? NODE_H_SOR : NODE_H;
            out.append("  <g class=\"node\" data-system=\"").append(xml(node.code())).append("\" data-kind=\"")
                    .append(xml(node.kind())).append("\" data-system-of-record=\"").append(isSor).append("\">\n")
                    .append("    <title>").append(xml(node.code() + ": " + node.name()
                            + (node.authoritativeFor().isEmpty() ? "" : "; system of record for "
                            + String.join(", ", node.authoritativeFor()))
                            + (node.masters().isEmpty() ? "" : "; masters " + String.join(", ", node.masters()))))
                    .append("</title>\n");
            if (node.hub()) {
                out.append("    <ellipse cx=\"").append(num(p[0])).append("\" cy=\"").append(num(p[1]))
                        .append("\" rx=\"").append(num(HUB_RX)).append("\" ry=\"").append(num(HUB_RY))
                        .append("\" fill=\"#1a237e\"/>\n")
                        .append(text(p[0], p[1] - 2, "#ffffff", "bold", 14, node.code()))
                        .append(text(p[0], p[1] + 15, "#c5cae9", "normal", 10, shorten(node.name(), 28)));
            } else {
                out.append("    <rect x=\"").append(num(p[0] - NODE_W / 2)).append("\" y=\"").append(num(p[1] - h / 2))
                        .append("\" width=\"").append(num(NODE_W)).append("\" height=\"").append(num(h))
                        .append("\" rx=\"6\" fill=\"#f5f7fb\" stroke=\"").append(isSor ? SOR_STROKE : "#5c6bc0")
                        .append("\" stroke-width=\"").append(isSor ? 3 : 1.2).append("\"/>\n")
                        .append(text(p[0], p[1] - h / 2 + 16, "#1a237e", "bold", 13, (isSor ? "\u2605 " : "") + node.code()))
                        .append(text(p[0], p[1] - h / 2 + 31, "#37474f", "normal", 10, shorten(node.name(), 34)));
                if (isSor) {
                    String what = node.authoritativeFor().isEmpty() ? "masters " + String.join(", ", node.masters())
                            : "SoR: " + String.join(", ", node.authoritativeFor());
                    out.append(text(p[0], p[1] - h / 2 + 46, SOR_STROKE, "bold", 10, shorten(what, 36)));
                }
            }
            out.append("  </g>\n");
        }
        out.append("</g>\n</svg>\n");
        return out.toString();
    }

    private static final double NODE_W = 210;
    private static final double NODE_H = 44;
    private static final double NODE_H_SOR = 58;
    private static final double HUB_RX = 80;
    private static final double HUB_RY = 32;
    private static final double LANE = 4;
    private static final double LABEL_LANE = 12;

    /** The next lane of {@code system}'s spoke, centred on the spoke. */
    private static double lane(Map<String, Integer> used, Map<String, Integer> lanes, String system) {
        int k = used.merge(system, 1, Integer::sum) - 1;
        return k - (lanes.get(system) - 1) / 2.0;
    }

    /** {@code p} moved {@code by} pixels to the right of the direction from {@code from} to {@code to}. */
    private static double[] offset(double[] p, double[] from, double[] to, double by) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double len = Math.hypot(dx, dy);
        if (len == 0) {
            return p;
        }
        return new double[] {p[0] - dy / len * by, p[1] + dx / len * by};
    }

    /** Where the line from a box's centre {@code c} towards {@code towards} leaves the box. */
    private static double[] boxEdge(double[] c, double[] towards, Boolean sor) {
        double h = Boolean.TRUE.equals(sor) ? NODE_H_SOR : NODE_H;
        double dx = towards[0] - c[0];
        double dy = towards[1] - c[1];
        double k = Math.min(dx == 0 ? Double.MAX_VALUE : (NODE_W / 2 + 6) / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : (h / 2 + 6) / Math.abs(dy));
        return new double[] {c[0] + dx * k, c[1] + dy * k};
    }

    /** Where the line from the hub's centre towards {@code towards} leaves the hub's ellipse. */
    private static double[] ellipseEdge(double[] c, double[] towards) {
        double dx = towards[0] - c[0];
        double dy = towards[1] - c[1];
        double k = 1 / Math.sqrt((dx / HUB_RX) * (dx / HUB_RX) + (dy / HUB_RY) * (dy / HUB_RY));
        return new double[] {c[0] + dx * k, c[1] + dy * k};
    }

    private static String pt(double[] p) {
        return num(p[0]) + "," + num(p[1]);
    }

    private static void legend(StringBuilder out, FlowMap map, double width) {
        out.append("<g class=\"legend\">\n")
                .append(text(20, 28, "#1a237e", "bold", 16, "Data-flow map", "start"))
                .append(text(20, 48, "#37474f", "normal", 12, map.systems() + " systems, " + map.edges().size()
                        + " flows: " + map.hubConnections() + " hub connections instead of " + map.pointToPoint()
                        + " point-to-point (n(n-1)/2)", "start"));
        double x = width - 560;
        for (SlaState s : SlaState.values()) {
            out.append("  <line x1=\"").append(num(x)).append("\" y1=\"24\" x2=\"").append(num(x + 22))
                    .append("\" y2=\"24\" stroke=\"").append(COLOURS.get(s)).append("\" stroke-width=\"3\"/>\n")
                    .append(text(x + 27, 28, "#37474f", "normal", 11, s.name(), "start"));
            x += 115;
        }
        out.append(text(width - 560, 48, SOR_STROKE, "bold", 11, "\u2605 gold border: system of record (AUTHORITATIVE)", "start"))
                .append("</g>\n");
    }

    private static String text(double x, double y, String fill, String weight, int size, String content) {
        return text(x, y, fill, weight, size, content, "middle");
    }

    private static String text(double x, double y, String fill, String weight, int size, String content, String anchor) {
        return "    <text x=\"" + num(x) + "\" y=\"" + num(y) + "\" fill=\"" + fill + "\" font-weight=\"" + weight
                + "\" font-size=\"" + size + "\" text-anchor=\"" + anchor + "\">" + xml(content) + "</text>\n";
    }

    private static String colour(FlowMap.Edge e) {
        return e.health() == null ? NOT_MONITORED : COLOURS.get(e.health());
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** One decimal place, without {@link String#format} (which dominated rendering a 2,000-flow map). */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + (abs / 10) + "." + (abs % 10);
    }

    /** XML text and attribute escaping (see {@link SvgText#escape}). */
    static String xml(String s) {
        return SvgText.escape(s);
    }
}
