package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.canonicalregistry.schema.SchemaRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class LinearTimeRegexTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ParameterizedTest(name = "{0} expands to {1}")
  @CsvSource(delimiter = ';', value = {
      "abc                 ;3",
      "[a-z]{10}           ;10",
      "(ab){3}             ;6",
      "((a{10}){10}){10}   ;1000",
      "a{2,5}b{3,}         ;9",
      "\\d+\\x{41}[\\]x]*  ;3",
      "a|bc                ;3",
      "(a{1000}){1000}     ;1000000",
      "x{1}{1}{1}          ;1"})
  void expandedSizeMultipliesCountedRepetitions(String regex, long size) {
    assertThat(LinearTimeRegex.expandedSize(regex.strip())).isEqualTo(size);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"((a{1000}){1000}){1000}", "(a{1000}){1000}", "[a-z]{1001}"})
  void patternsThatWouldExhaustMemoryAreUnsafe(String regex) {
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThatThrownBy(() -> SchemaEngine.withDefaults()
        .load("{\"type\":\"string\",\"pattern\":\"" + regex + "\"}"))
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PATTERN);
          assertThat(e.pointer()).isEqualTo("/pattern");
          assertThat(e.getMessage()).contains("the limit is 1000");
        }));
  }

  @Test
  void deeplyNestedGroupsAreUnsafeBeforeRe2jRecursesIntoThem() {
    String deep = "(".repeat(101) + "a" + ")".repeat(101);
    assertThatThrownBy(() -> SchemaEngine.withDefaults().load("{\"type\":\"string\",\"pattern\":\"" + deep + "\"}"))
        .isInstanceOfSatisfying(SchemaRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PATTERN);
          assertThat(e.getMessage()).contains("nests groups 101 deep; the limit is 100");
        });
    String limit = "(".repeat(100) + "a" + ")".repeat(100);
    CompiledSchema atTheLimit = SchemaEngine.withDefaults()
        .load("{\"type\":\"string\",\"pattern\":\"^" + limit + "$\"}").compiled();
    assertThat(atTheLimit.isValid(JsonNodeFactory.instance.stringNode("a"))).isTrue();
    assertThat(atTheLimit.isValid(JsonNodeFactory.instance.stringNode("b"))).isFalse();
  }

  @Test
  void aDeeplyNestedRegexInAnInstanceIsJustAnInvalidRegexFormat() {
    // 20,000 levels overflowed RE2J's recursive parser: a StackOverflowError, not an answer.
    CompiledSchema schema = SchemaEngine.withDefaults().load("{\"format\":\"regex\"}").compiled();
    String deep = "(".repeat(20_000) + "a" + ")".repeat(20_000);
    assertThat(schema.isValid(JsonNodeFactory.instance.stringNode(deep))).isFalse();
    assertThat(schema.validate(JsonNodeFactory.instance.stringNode(deep)).violations()).isNotEmpty();
  }

  @Test
  void hugeRegexInAnInstanceIsJustAnInvalidRegexFormat() {
    CompiledSchema schema = SchemaEngine.withDefaults().load("{\"format\":\"regex\"}").compiled();
    assertTimeoutPreemptively(Duration.ofSeconds(1), () -> assertThat(schema.isValid(
        JsonNodeFactory.instance.stringNode("((a{1000}){1000}){1000}"))).isFalse());
  }

  @Test
  void largestProgramOnTheLargestInstanceStopsAtTheBudgetAndFailsClosed() {
    CompiledSchema schema = SchemaEngine.withDefaults()
        .load("{\"type\":\"string\",\"pattern\":\"(a|b){1,490}c$\"}").compiled();
    JsonNode longest = JsonNodeFactory.instance.stringNode("a".repeat(1024 * 1024 - 2));
    assertTimeoutPreemptively(Duration.ofSeconds(4), () -> {
      assertThat(schema.isValid(longest)).isFalse();
      assertThat(schema.validate(longest).violations()).extracting(Violation::message)
          .anySatisfy(m -> assertThat(m).contains("exceeded its budget of 1000 ms"));
    });
  }

  @Test
  void budgetFailsClosedEvenWhereNoMatchWouldPass() {
    // Under "not", a cut-short evaluation read as "no match" would accept the instance.
    CompiledSchema schema = SchemaEngine.withDefaults()
        .compile(JSON.readTree("{\"not\":{\"pattern\":\"(a|b){1,490}c$\"}}"));
    JsonNode longest = JsonNodeFactory.instance.stringNode("a".repeat(1024 * 1024 - 2));
    assertTimeoutPreemptively(Duration.ofSeconds(4), () -> {
      assertThat(schema.isValid(longest)).isFalse();
      assertThat(schema.validate(longest).valid()).isFalse();
    });
    assertThat(schema.isValid(JsonNodeFactory.instance.stringNode("aac"))).isFalse();
    assertThat(schema.isValid(JsonNodeFactory.instance.stringNode("xyz"))).isTrue();
  }

  @Test
  void ordinaryPatternOnALargeStringFinishesWithinTheBudget() {
    CompiledSchema schema = SchemaEngine.withDefaults()
        .load("{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}").compiled();
    // about 0.12 s on the development machine, well inside the one-second budget
    assertThat(schema.validate(JsonNodeFactory.instance.stringNode("a".repeat(512 * 1024))).valid()).isTrue();
  }
}
