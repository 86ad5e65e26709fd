package org.canonicalregistry.registry.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two JSON schema documents side by side, line against line, for the console's version-compare page.
 *
 * <p>Why not diff the stored text: two versions stored with different whitespace or key layout would show
 * noise, so both sides are first pretty-printed the same way (2-space indentation, object keys in document
 * order, one token-line per line). Why a printer of our own rather than Jackson's: each line must know the RFC
 * 6901 pointer of the value it begins, so that a typed change reported at a pointer ({@code /properties/email})
 * can link to its line ({@link #rowOf}). A closing bracket line carries the pointer of the value it closes.
 *
 * <p>The lines are compared by text with Myers' O(ND) algorithm (in its linear-space form, splitting at the
 * middle of an optimal path), so the rows show a shortest edit script. A run of deleted lines directly
 * followed by inserted lines is shown as CHANGED rows, paired in order; the surplus are REMOVED or ADDED.
 *
 * <p>The work is bounded: a side that pretty-prints to more than {@value #MAX_LINES} lines is refused with an
 * {@link IllegalArgumentException}. Instances are immutable and safe to share between threads.
 */
public final class SideBySideDiff {

    /** The most lines either side may pretty-print to. */
    static final int MAX_LINES = 20_000;

    private static final JsonMapper JSON = JsonMapper.shared();

    /** What a row shows: an unchanged line, a line replaced by another, or a line only on one side. */
    public enum Kind { SAME, CHANGED, REMOVED, ADDED }

    /**
     * One pretty-printed line.
     *
     * @param number 1-based line number on its side
     * @param pointer RFC 6901 pointer of the value the line begins or closes; {@code ""} is the document
     */
    public record Line(int number, String text, String pointer) {
        public Line {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(pointer, "pointer");
        }
    }

    /**
     * One row of the page: {@code left} is null for ADDED, {@code right} is null for REMOVED, both are set
     * otherwise (equal texts for SAME).
     */
    public record Row(Kind kind, Line left, Line right) {
        public Row {
            Objects.requireNonNull(kind, "kind");
            if ((left == null) != (kind == Kind.ADDED) || (right == null) != (kind == Kind.REMOVED)) {
                throw new IllegalArgumentException(kind + " row with left " + left + " and right " + right);
            }
        }
    }

    private final List<Row> rows;

    private SideBySideDiff(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /**
     * Diffs two JSON documents.
     *
     * @param oldJson the earlier document, or null when {@code newJson} is the first version (every line ADDED)
     * @param newJson the later document, never null
     * @throws IllegalArgumentException if a side is not JSON or pretty-prints to more than {@value #MAX_LINES}
     *     lines
     */
    static SideBySideDiff of(String oldJson, String newJson) {
        Objects.requireNonNull(newJson, "newJson");
        List<Line> left = oldJson == null ? List.of() : lines(parse(oldJson, "old"), "old");
        List<Line> right = lines(parse(newJson, "new"), "new");
        return new SideBySideDiff(rows(left, right));
    }

    /**
     * The pretty-printed lines of a document, each with its pointer: what each side of the rows shows.
     *
     * @throws IllegalArgumentException if there would be more than {@value #MAX_LINES}
     */
    static List<Line> lines(JsonNode document) {
        return lines(document, "the");
    }

    /** The rows, top to bottom. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether both sides have the same lines: every row is SAME (never true for a first version). */
    public boolean identical() {
        return rows.stream().allMatch(r -> r.kind() == Kind.SAME);
    }

    /**
     * The row to link a change at {@code pointer} to: the first non-SAME row with a line at that pointer or
     * below it, else the first row with a line there or below, else -1.
     */
    int rowOf(String pointer) {
        Objects.requireNonNull(pointer, "pointer");
        int any = -1;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (at(row.left(), pointer) || at(row.right(), pointer)) {
                if (row.kind() != Kind.SAME) {
                    return i;
                }
                if (any < 0) {
                    any = i;
                }
            }
        }
        return any;
    }

    private static boolean at(Line line, String pointer) {
        if (line == null) {
            return false;
        }
        String p = line.pointer();
        return p.equals(pointer) || (p.length() > pointer.length() && p.startsWith(pointer)
                && p.charAt(pointer.length()) == '/');
    }

    private static JsonNode parse(String json, String side) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The " + side + " schema is not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new IllegalArgumentException("The " + side + " schema is empty");
        }
        return node;
    }

    private static List<Line> lines(JsonNode document, String side) {
        Objects.requireNonNull(document, "document");
        Printer printer = new Printer(side);
        printer.value(document, "", 0, "", false);
        return List.copyOf(printer.out);
    }

    /** Writes one token-line per line and remembers each line's pointer. */
    private static final class Printer {
        private final String side;
        private final List<Line> out = new ArrayList<>();

        Printer(String side) {
            this.side = side;
        }

        void value(JsonNode node, String pointer, int depth, String key, boolean comma) {
            String pad = "  ".repeat(depth);
            String tail = comma ? "," : "";
            if (node.isObject() && node.size() > 0) {
                add(pad + key + "{", pointer);
                int left = node.size();
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    value(e.getValue(), pointer + "/" + escape(e.getKey()), depth + 1,
                            JSON.writeValueAsString(e.getKey()) + ": ", --left > 0);
                }
                add(pad + "}" + tail, pointer);
            } else if (node.isArray() && node.size() > 0) {
                add(pad + key + "[", pointer);
                for (int i = 0; i < node.size(); i++) {
                    value(node.get(i), pointer + "/" + i, depth + 1, "", i + 1 < node.size());
                }
                add(pad + "]" + tail, pointer);
            } else if (node.isObject()) {
                add(pad + key + "{}" + tail, pointer);
            } else if (node.isArray()) {
                add(pad + key + "[]" + tail, pointer);
            } else {
                add(pad + key + JSON.writeValueAsString(node) + tail, pointer);
            }
        }

        private void add(String text, String pointer) {
            if (out.size() == MAX_LINES) {
                throw new IllegalArgumentException("The " + side + " schema pretty-prints to more than "
                        + MAX_LINES + " lines, the most a side-by-side diff shows");
            }
            out.add(new Line(out.size() + 1, text, pointer));
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }
    }

    private static List<Row> rows(List<Line> left, List<Line> right) {
        Map<String, Integer> ids = new HashMap<>();
        int[] a = left.stream().mapToInt(l -> ids.computeIfAbsent(l.text(), t -> ids.size())).toArray();
        int[] b = right.stream().mapToInt(l -> ids.computeIfAbsent(l.text(), t -> ids.size())).toArray();
        Myers myers = new Myers(a, b);
        myers.diff(0, a.length, 0, b.length);

        List<Row> rows = new ArrayList<>(Math.max(a.length, b.length));
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if ((i < a.length && myers.deleted[i]) || (j < b.length && myers.inserted[j])) {
                int firstDeleted = i;
                int firstInserted = j;
                while (i < a.length && myers.deleted[i]) {
                    i++;
                }
                while (j < b.length && myers.inserted[j]) {
                    j++;
                }
                int deleted = i - firstDeleted;
                int inserted = j - firstInserted;
                for (int k = 0; k < Math.max(deleted, inserted); k++) {
                    Line l = k < deleted ? left.get(firstDeleted + k) : null;
                    Line r = k < inserted ? right.get(firstInserted + k) : null;
                    rows.add(new Row(l == null ? Kind.ADDED : r == null ? Kind.REMOVED : Kind.CHANGED, l, r));
                }
            } else {
                rows.add(new Row(Kind.SAME, left.get(i++), right.get(j++)));
            }
        }
        return rows;
    }

    /**
     * Myers' O(ND) difference algorithm in linear space: find where the forward and reverse D-paths meet,
     * split there and recurse. It marks the lines of {@code a} that are deleted and of {@code b} that are
     * inserted; the unmarked lines of both, in order, are equal.
     */
    private static final class Myers {
        private final int[] a;
        private final int[] b;
        final boolean[] deleted;
        final boolean[] inserted;

        Myers(int[] a, int[] b) {
            this.a = a;
            this.b = b;
            this.deleted = new boolean[a.length];
            this.inserted = new boolean[b.length];
        }

        void diff(int aLo, int aHi, int bLo, int bHi) {
            while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
                aLo++;
                bLo++;
            }
            while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1]) {
                aHi--;
                bHi--;
            }
            if (aLo == aHi || bLo == bHi) {
                replace(aLo, aHi, bLo, bHi);
                return;
            }
            bisect(aLo, aHi, bLo, bHi);
        }

        private void replace(int aLo, int aHi, int bLo, int bHi) {
            for (int i = aLo; i < aHi; i++) {
                deleted[i] = true;
            }
            for (int j = bLo; j < bHi; j++) {
                inserted[j] = true;
            }
        }

        /** Both ranges are non-empty and differ at both ends. */
        private void bisect(int aLo, int aHi, int bLo, int bHi) {
            int n = aHi - aLo;
            int m = bHi - bLo;
            int maxD = (n + m + 1) / 2;
            int offset = maxD;
            int length = 2 * maxD + 2;
            int[] forward = new int[length];
            int[] reverse = new int[length];
            Arrays.fill(forward, -1);
            Arrays.fill(reverse, -1);
            forward[offset + 1] = 0;
            reverse[offset + 1] = 0;
            int delta = n - m;
            boolean front = (delta & 1) != 0;
            // Diagonals whose path ran off the grid are skipped from then on.
            int k1Start = 0;
            int k1End = 0;
            int k2Start = 0;
            int k2End = 0;
            for (int d = 0; d < maxD; d++) {
                for (int k1 = -d + k1Start; k1 <= d - k1End; k1 += 2) {
                    int k1Offset = offset + k1;
                    int x1 = k1 == -d || (k1 != d && forward[k1Offset - 1] < forward[k1Offset + 1])
                            ? forward[k1Offset + 1] : forward[k1Offset - 1] + 1;
                    int y1 = x1 - k1;
                    while (x1 < n && y1 < m && a[aLo + x1] == b[bLo + y1]) {
                        x1++;
                        y1++;
                    }
                    forward[k1Offset] = x1;
                    if (x1 > n) {
                        k1End += 2;
                    } else if (y1 > m) {
                        k1Start += 2;
                    } else if (front) {
                        int k2Offset = offset + delta - k1;
                        if (k2Offset >= 0 && k2Offset < length && reverse[k2Offset] != -1
                                && x1 >= n - reverse[k2Offset]) {
                            split(aLo, aHi, bLo, bHi, x1, y1);
                            return;
                        }
                    }
                }
                for (int k2 = -d + k2Start; k2 <= d - k2End; k2 += 2) {
                    int k2Offset = offset + k2;
                    int x2 = k2 == -d || (k2 != d && reverse[k2Offset - 1] < reverse[k2Offset + 1])
                            ? reverse[k2Offset + 1] : reverse[k2Offset - 1] + 1;
                    int y2 = x2 - k2;
                    while (x2 < n && y2 < m && a[aHi - 1 - x2] == b[bHi - 1 - y2]) {
                        x2++;
                        y2++;
                    }
                    reverse[k2Offset] = x2;
                    if (x2 > n) {
                        k2End += 2;
                    } else if (y2 > m) {
                        k2Start += 2;
                    } else if (!front) {
                        int k1Offset = offset + delta - k2;
                        if (k1Offset >= 0 && k1Offset < length && forward[k1Offset] != -1) {
                            int x1 = forward[k1Offset];
                            int y1 = offset + x1 - k1Offset;
                            if (x1 >= n - x2) {
                                split(aLo, aHi, bLo, bHi, x1, y1);
                                return;
                            }
                        }
                    }
                }
            }
            // No common line at all.
            replace(aLo, aHi, bLo, bHi);
        }

        private void split(int aLo, int aHi, int bLo, int bHi, int x, int y) {
            if ((x == 0 && y == 0) || (aLo + x == aHi && bLo + y == bHi)) {
                // Cannot happen for ranges that differ at both ends; refuse to recurse on the same range.
                replace(aLo, aHi, bLo, bHi);
                return;
            }
            diff(aLo, aLo + x, bLo, bLo + y);
            diff(aLo + x, aHi, bLo + y, bHi);
        }
    }
}
