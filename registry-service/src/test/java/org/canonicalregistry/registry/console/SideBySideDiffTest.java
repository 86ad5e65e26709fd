package org.canonicalregistry.registry.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.canonicalregistry.registry.console.SideBySideDiff.Kind;
import org.canonicalregistry.registry.console.SideBySideDiff.Line;
import org.canonicalregistry.registry.console.SideBySideDiff.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SideBySideDiffTest {

    static final JsonMapper JSON = JsonMapper.shared();

    static final String CUSTOMER_1 = """
            {"type":"object","properties":{"id":{"type":"string"},"email":{"type":"string"}},"required":["id"]}""";
    static final String CUSTOMER_2 = """
            {"type":"object","properties":{"id":{"type":"string"},
             "email":{"type":"string","format":"email"}},"required":["id","email"]}""";

    // --- properties -------------------------------------------------------------------------------------

    /** Reading the left column top to bottom gives the old document, the right column the new one. */
    @Property(tries = 300)
    void eachSideOfTheRowsReproducesItsPrettyPrintedDocument(@ForAll("objects") String oldJson,
                                                             @ForAll("objects") String newJson) {
        List<Row> rows = SideBySideDiff.of(oldJson, newJson).rows();

        assertThat(rows.stream().map(Row::left).filter(Objects::nonNull).toList())
                .isEqualTo(SideBySideDiff.lines(JSON.readTree(oldJson)));
        assertThat(rows.stream().map(Row::right).filter(Objects::nonNull).toList())
                .isEqualTo(SideBySideDiff.lines(JSON.readTree(newJson)));
    }

    /** The printer is faithful: its lines are JSON again, and the same document. */
    @Property(tries = 300)
    void prettyPrintedLinesParseBackToTheSameDocument(@ForAll("objects") String json) {
        List<Line> lines = SideBySideDiff.lines(JSON.readTree(json));

        String text = String.join("\n", lines.stream().map(Line::text).toList());
        assertThat(JSON.readTree(text)).isEqualTo(JSON.readTree(json));
        assertThat(lines).extracting(Line::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, lines.size()).boxed().toList());
    }

    @Property(tries = 200)
    void aDocumentAgainstItselfIsIdenticalWithOnlySameRows(@ForAll("objects") String json) {
        SideBySideDiff diff = SideBySideDiff.of(json, json);

        assertThat(diff.identical()).isTrue();
        assertThat(diff.rows()).extracting(Row::kind).containsOnly(Kind.SAME);
    }

    @Property(tries = 300)
    void thereAreChangedRowsExactlyWhenThePrettyPrintedTextsDiffer(@ForAll("objects") String oldJson,
                                                                  @ForAll("objects") String newJson) {
        SideBySideDiff diff = SideBySideDiff.of(oldJson, newJson);
        long changes = diff.rows().stream().filter(r -> r.kind() != Kind.SAME).count();

        boolean sameText = texts(SideBySideDiff.lines(JSON.readTree(oldJson)))
                .equals(texts(SideBySideDiff.lines(JSON.readTree(newJson))));
        assertThat(changes == 0).isEqualTo(sameText);
        assertThat(diff.identical()).isEqualTo(sameText);
    }

    /** Myers finds a shortest edit script: as many edits as the longest common subsequence leaves. */
    @Property(tries = 300)
    void theRowsAreAShortestEditScript(@ForAll("objects") String oldJson, @ForAll("objects") String newJson) {
        List<String> a = texts(SideBySideDiff.lines(JSON.readTree(oldJson)));
        List<String> b = texts(SideBySideDiff.lines(JSON.readTree(newJson)));
        List<Row> rows = SideBySideDiff.of(oldJson, newJson).rows();

        long edits = rows.stream().mapToLong(r -> switch (r.kind()) {
            case SAME -> 0;
            case CHANGED -> 2;
            case REMOVED, ADDED -> 1;
        }).sum();
        assertThat(edits).isEqualTo(a.size() + b.size() - 2L * longestCommonSubsequence(a, b));
        assertThat(rows).filteredOn(r -> r.kind() == Kind.SAME)
                .allSatisfy(r -> assertThat(r.left().text()).isEqualTo(r.right().text()));
    }

    @Property(tries = 200)
    void sequencesOfLinesWithRepeatsDiffToAShortestScript(@ForAll("lineLists") List<String> a,
                                                          @ForAll("lineLists") List<String> b) {
        String oldJson = JSON.writeValueAsString(a);
        String newJson = JSON.writeValueAsString(b);
        List<String> oldLines = texts(SideBySideDiff.lines(JSON.readTree(oldJson)));
        List<String> newLines = texts(SideBySideDiff.lines(JSON.readTree(newJson)));
        List<Row> rows = SideBySideDiff.of(oldJson, newJson).rows();

        long same = rows.stream().filter(r -> r.kind() == Kind.SAME).count();
        assertThat(same).isEqualTo(longestCommonSubsequence(oldLines, newLines));
    }

    @Provide
    Arbitrary<String> objects() {
        return object(3).map(JSON::writeValueAsString);
    }

    @Provide
    Arbitrary<List<String>> lineLists() {
        return Arbitraries.of("a", "b", "c", "d").list().ofMaxSize(25);
    }

    private static Arbitrary<Map<String, Object>> object(int depth) {
        return Arbitraries.maps(Arbitraries.of("id", "name", "type", "a/b", "t~1", "q\"", "é"), value(depth - 1))
                .ofMaxSize(4);
    }

    private static Arbitrary<Object> value(int depth) {
        Arbitrary<Object> scalar = Arbitraries.<Object>oneOf(
                Arbitraries.integers().between(-2, 2),
                Arbitraries.of("string", "x", "<b>", ""),
                Arbitraries.of(true, false)).injectNull(0.1);
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<Object> object = object(depth).map(m -> m);
        Arbitrary<Object> array = value(depth - 1).list().ofMaxSize(3).map(l -> l);
        return Arbitraries.frequencyOf(Tuple.of(3, scalar), Tuple.of(2, object), Tuple.of(1, array));
    }

    private static List<String> texts(List<Line> lines) {
        return lines.stream().map(Line::text).toList();
    }

    private static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        return lcs[0][0];
    }

    // --- examples ---------------------------------------------------------------------------------------

    @Test
    void everyLineKnowsThePointerOfTheValueItBeginsOrCloses() {
        List<Line> lines = SideBySideDiff.lines(JSON.readTree(CUSTOMER_2));

        assertThat(lines).extracting(Line::text, Line::pointer).containsExactly(
                tuple("{", ""),
                tuple("  \"type\": \"object\",", "/type"),
                tuple("  \"properties\": {", "/properties"),
                tuple("    \"id\": {", "/properties/id"),
                tuple("      \"type\": \"string\"", "/properties/id/type"),
                tuple("    },", "/properties/id"),
                tuple("    \"email\": {", "/properties/email"),
                tuple("      \"type\": \"string\",", "/properties/email/type"),
                tuple("      \"format\": \"email\"", "/properties/email/format"),
                tuple("    }", "/properties/email"),
                tuple("  },", "/properties"),
                tuple("  \"required\": [", "/required"),
                tuple("    \"id\",", "/required/0"),
                tuple("    \"email\"", "/required/1"),
                tuple("  ]", "/required"),
                tuple("}", ""));
    }

    @Test
    void pointerTokensAreEscapedAndEmptyContainersStayOnOneLine() {
        List<Line> lines = SideBySideDiff.lines(JSON.readTree("{\"a/b\":{\"m~n\":[]},\"e\":{}}"));

        assertThat(lines).extracting(Line::text, Line::pointer).containsExactly(
                tuple("{", ""),
                tuple("  \"a/b\": {", "/a~1b"),
                tuple("    \"m~n\": []", "/a~1b/m~0n"),
                tuple("  },", "/a~1b"),
                tuple("  \"e\": {}", "/e"),
                tuple("}", ""));
    }

    @Test
    void aChangedPropertyIsPairedLineByLineAndFoundByItsPointer() {
        SideBySideDiff diff = SideBySideDiff.of(CUSTOMER_1, CUSTOMER_2);

        assertThat(diff.identical()).isFalse();
        assertThat(diff.rows()).extracting(Row::kind).containsExactly(
                Kind.SAME, Kind.SAME, Kind.SAME, Kind.SAME, Kind.SAME, Kind.SAME, Kind.SAME,
                Kind.CHANGED, Kind.ADDED, Kind.SAME, Kind.SAME, Kind.SAME, Kind.CHANGED, Kind.ADDED, Kind.SAME,
                Kind.SAME);
        Row changed = diff.rows().get(7);
        assertThat(changed.left()).isEqualTo(new Line(8, "      \"type\": \"string\"", "/properties/email/type"));
        assertThat(changed.right()).isEqualTo(new Line(8, "      \"type\": \"string\",", "/properties/email/type"));
        assertThat(diff.rowOf("/properties/email")).isEqualTo(7);
        assertThat(diff.rowOf("/properties/email/format")).isEqualTo(8);
        assertThat(diff.rowOf("/required")).isEqualTo(12);
        assertThat(diff.rowOf("")).isEqualTo(7);
    }

    @Test
    void aPointerWithoutChangesLinksToItsFirstLineAndAnUnknownOneToNothing() {
        SideBySideDiff diff = SideBySideDiff.of(CUSTOMER_1, CUSTOMER_2);

        assertThat(diff.rowOf("/properties/id")).isEqualTo(3);
        assertThat(diff.rowOf("/properties/i")).isEqualTo(-1);
        assertThat(diff.rowOf("/nowhere")).isEqualTo(-1);
    }

    @Test
    void aFirstSchemaIsAllAdded() {
        SideBySideDiff diff = SideBySideDiff.of(null, CUSTOMER_1);

        assertThat(diff.identical()).isFalse();
        assertThat(diff.rows()).extracting(Row::kind).containsOnly(Kind.ADDED);
        assertThat(diff.rows()).extracting(Row::left).containsOnlyNulls();
        assertThat(diff.rows()).extracting(Row::right)
                .isEqualTo(SideBySideDiff.lines(JSON.readTree(CUSTOMER_1)));
        assertThat(diff.rowOf("/properties/email")).isEqualTo(6);
    }

    @Test
    void layoutDifferencesAloneAreIdentical() {
        assertThat(SideBySideDiff.of("{\"a\":1,\"b\":[1,2]}", "{\n  \"a\" : 1,\n\"b\":[ 1, 2 ]}\n").identical())
                .isTrue();
    }

    @Test
    void reorderedKeysShowAsAMove() {
        SideBySideDiff diff = SideBySideDiff.of("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}");

        assertThat(diff.identical()).isFalse();
        assertThat(diff.rows()).extracting(Row::kind)
                .containsExactly(Kind.SAME, Kind.CHANGED, Kind.CHANGED, Kind.SAME);
    }

    @Test
    void aSideOfMoreThanTwentyThousandLinesIsRefused() {
        String big = JSON.writeValueAsString(IntStream.range(0, SideBySideDiff.MAX_LINES).boxed().toList());

        assertThatThrownBy(() -> SideBySideDiff.of(null, big))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("new schema").hasMessageContaining("20000 lines");
        assertThat(SideBySideDiff.of(null, JSON.writeValueAsString(
                IntStream.range(0, SideBySideDiff.MAX_LINES - 2).boxed().toList())).rows())
                .hasSize(SideBySideDiff.MAX_LINES);
    }

    @Test
    void largeDifferentDocumentsDiffWithinTheBound() {
        String a = JSON.writeValueAsString(IntStream.range(0, 9_000).mapToObj(i -> "a" + i).toList());
        String b = JSON.writeValueAsString(IntStream.range(0, 9_000).mapToObj(i -> "b" + i).toList());

        SideBySideDiff diff = SideBySideDiff.of(a, b);

        assertThat(diff.rows()).hasSize(9_002);
        assertThat(diff.rows()).filteredOn(r -> r.kind() == Kind.CHANGED).hasSize(9_000);
    }

    @Test
    void textThatIsNotJsonIsRefusedNamingTheSide() {
        assertThatThrownBy(() -> SideBySideDiff.of("{\"a\":", CUSTOMER_1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("The old schema is not JSON");
    }
}
