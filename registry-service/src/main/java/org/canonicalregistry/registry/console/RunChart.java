package org.canonicalregistry.registry.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.canonicalregistry.registry.flow.FlowRun;
import org.canonicalregistry.registry.flow.SvgText;

/**
 * A flow's recent runs as a small inline SVG bar chart: one bar per run, oldest on the left.
 *
 * <p>Why SVG built as text on the server: the console has no JavaScript charting library and a strict Content
 * Security Policy, so the chart is plain markup inlined into the page. It therefore has no {@code style}
 * attribute and no {@code <style>} element; colours are presentation attributes ({@code fill}). A bar's height
 * follows the square root of the messages received, so a small run next to a large one stays visible, and
 * every bar has a minimum height so a failed run that received nothing still shows. Colour is not the only
 * signal: the chart's {@code <title>} (named by {@code aria-labelledby}) sums up the statuses, and each bar has
 * its own {@code <title>} with run id, status, end time and counts.
 *
 * <p>Run ids and other reported texts come from adapters, so every text is XML-escaped (and characters XML
 * cannot hold are replaced), which keeps the output well-formed and inert when inlined into HTML. At most
 * {@value #MAX_BARS} bars are drawn, for the latest runs.
 */
final class RunChart {

    static final int MAX_BARS = 60;

    private static final int BAR_WIDTH = 8;
    private static final int GAP = 2;
    private static final int CHART_HEIGHT = 40;
    private static final int MIN_BAR_HEIGHT = 2;
    private static final int PAD = 2;

    private RunChart() {
    }

    /**
     * The chart of {@code runs}, in any order; they are drawn by end time (then start time), the latest
     * {@value #MAX_BARS}.
     *
     * @return a standalone {@code <svg>} element; for no runs, one that says "no runs reported"
     */
    static String svg(List<FlowRun> runs) {
        Objects.requireNonNull(runs, "runs");
        List<FlowRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(FlowRun::endedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(FlowRun::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<FlowRun> shown = sorted.subList(Math.max(0, sorted.size() - MAX_BARS), sorted.size());
        String id = "run-chart-" + Integer.toUnsignedString(
                shown.stream().map(r -> r.flowId() + '\0' + r.runId()).toList().hashCode(), 36);
        if (shown.isEmpty()) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 160 20\" width=\"160\" height=\"20\""
                    + " role=\"img\" aria-labelledby=\"" + id + "\"><title id=\"" + id + "\">no runs reported</title>"
                    + "<text x=\"4\" y=\"14\" font-size=\"12\" fill=\"#555555\">no runs reported</text></svg>";
        }

        int width = PAD * 2 + shown.size() * (BAR_WIDTH + GAP) - GAP;
        int height = PAD * 2 + CHART_HEIGHT;
        double maxScale = Math.sqrt(shown.stream().mapToLong(RunChart::received).max().orElse(0));
        StringBuilder svg = new StringBuilder(256 + shown.size() * 256);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("\">")
                .append("<title id=\"").append(id).append("\">")
                .append(escape(summary(shown, runs.size()))).append("</title>");
        int baseline = PAD + CHART_HEIGHT;
        svg.append("<line x1=\"0\" y1=\"").append(baseline).append("\" x2=\"").append(width).append("\" y2=\"")
                .append(baseline).append("\" stroke=\"#9e9e9e\" stroke-width=\"0.5\"/>");
        for (int i = 0; i < shown.size(); i++) {
            FlowRun run = shown.get(i);
            double scaled = maxScale == 0 ? 0 : Math.sqrt(received(run)) / maxScale;
            double barHeight = MIN_BAR_HEIGHT + (CHART_HEIGHT - MIN_BAR_HEIGHT) * scaled;
            svg.append("<rect x=\"").append(PAD + i * (BAR_WIDTH + GAP))
                    .append("\" y=\"").append(number(baseline - barHeight))
                    .append("\" width=\"").append(BAR_WIDTH)
                    .append("\" height=\"").append(number(barHeight))
                    .append("\" fill=\"").append(fill(run.status())).append("\">")
                    .append("<title>").append(escape(describe(run))).append("</title></rect>");
        }
        return svg.append("</svg>").toString();
    }

    /** "12 runs: 10 succeeded, 1 partial, 1 failed", saying so when older runs are left out. */
    private static String summary(List<FlowRun> shown, int total) {
        long succeeded = shown.stream().filter(r -> r.status() == FlowRun.Status.SUCCEEDED).count();
        long partial = shown.stream().filter(r -> r.status() == FlowRun.Status.PARTIAL).count();
        long failed = shown.stream().filter(r -> r.status() == FlowRun.Status.FAILED).count();
        String count = shown.size() == total
                ? total + (total == 1 ? " run" : " runs")
                : "latest " + shown.size() + " of " + total + " runs";
        return count + ": " + succeeded + " succeeded, " + partial + " partial, " + failed + " failed";
    }

    private static String describe(FlowRun run) {
        StringBuilder text = new StringBuilder("run ").append(run.runId()).append(": ")
                .append(run.status() == null ? "unknown" : run.status().name().toLowerCase(Locale.ROOT))
                .append(", ended ").append(run.endedAt() == null ? "unknown" : run.endedAt().toString());
        FlowRun.Counts c = run.counts();
        if (c != null) {
            text.append("; received ").append(c.received()).append(", accepted ").append(c.accepted())
                    .append(", rejected ").append(c.rejected()).append(", dead-lettered ").append(c.deadLettered())
                    .append(", replayed ").append(c.replayed());
        }
        return text.toString();
    }

    private static long received(FlowRun run) {
        return run.counts() == null ? 0 : Math.max(0, run.counts().received());
    }

    private static String fill(FlowRun.Status status) {
        if (status == null) {
            return "#757575";
        }
        return switch (status) {
            case SUCCEEDED -> "#2e7d32";
            case PARTIAL -> "#ef6c00";
            case FAILED -> "#c62828";
        };
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Escapes text for SVG, as the map does: see {@link SvgText#escape}. */
    static String escape(String text) {
        return SvgText.escape(text);
    }
}
