package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.node.JsonNodeFactory;

class BoundedBacktrackingTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"^[A-Z]{3}$", "^-?[0-9]{1,15}(\\.[0-9]{1,4})?$", "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
      "^[^@\\s]+@[^@\\s]+$", "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "^[A-Z0-9][A-Z0-9._-]{0,39}$", "^https://"})
  void theCanonicalModelsPatternsTakeTheFastPath(String regex) {
    assertThat(BoundedBacktracking.of(regex)).isNotNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\\bword", "(?i)abc", "[a[b]]", "[a-z&&[^c]]", "a{,3}", "\\p{L}+", "(a)\\1", "[]a]",
      "x{2}{3}", "\\x41", "a++"})
  void patternsTheEnginesReadDifferentlyStayWithRe2j(String regex) {
    assertThat(BoundedBacktracking.of(regex)).isNull();
  }

  @Test
  void catastrophicBacktrackingGivesUpWithinItsReadAllowance() {
    BoundedBacktracking fast = BoundedBacktracking.of("^(a+)+$");
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertThat(fast.find("a".repeat(40) + "!")).isEqualTo(BoundedBacktracking.Outcome.GAVE_UP));
    assertThat(fast.find("aaaa")).isEqualTo(BoundedBacktracking.Outcome.MATCH);
  }

  @Test
  void aPatternBombIsStillAnsweredByRe2jInLinearTime() {
    CompiledSchema schema = SchemaEngine.withDefaults().load("{\"type\":\"string\",\"pattern\":\"^(a|aa)+$\"}")
        .compiled();
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
      assertThat(schema.isValid(JsonNodeFactory.instance.stringNode("a".repeat(900) + "!"))).isFalse();
      assertThat(schema.isValid(JsonNodeFactory.instance.stringNode("a".repeat(900)))).isTrue();
    });
  }

  @Test
  void longStringsGoStraightToRe2j() {
    BoundedBacktracking fast = BoundedBacktracking.of("^a+$");
    assertThat(fast.find("a".repeat(BoundedBacktracking.MAX_LENGTH))).isEqualTo(BoundedBacktracking.Outcome.MATCH);
    assertThat(fast.find("a".repeat(BoundedBacktracking.MAX_LENGTH + 1)))
        .isEqualTo(BoundedBacktracking.Outcome.GAVE_UP);
  }

  @Test
  void endOfTextAndWhitespaceMeanWhatRe2MeansNotWhatTheJdkMeans() {
    CompiledSchema code = SchemaEngine.withDefaults().load("{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}")
        .compiled();
    assertThat(code.isValid(JsonNodeFactory.instance.stringNode("abc"))).isTrue();
    assertThat(code.isValid(JsonNodeFactory.instance.stringNode("abc\n"))).as("the JDK's $ would match").isFalse();
    CompiledSchema space = SchemaEngine.withDefaults().load("{\"type\":\"string\",\"pattern\":\"^\\\\s$\"}")
        .compiled();
    assertThat(space.isValid(JsonNodeFactory.instance.stringNode("\u000B"))).as("vertical tab").isFalse();
    assertThat(space.isValid(JsonNodeFactory.instance.stringNode("\t"))).isTrue();
  }

  @Test
  void longPatternsStayWithRe2j() {
    assertThat(BoundedBacktracking.of("[a-z]".repeat(103))).isNull();
    assertThat(BoundedBacktracking.of("[a-z]".repeat(100))).isNotNull();
  }
}
