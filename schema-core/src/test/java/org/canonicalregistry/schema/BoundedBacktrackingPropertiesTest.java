package org.canonicalregistry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.google.re2j.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path must never change an answer: for every pattern of its subset and every string, when the JDK
 * matcher answers, it answers what RE2J answers.
 */
class BoundedBacktrackingPropertiesTest {

  private static final List<String> ATOMS = List.of("a", "b", "-", "@", " ", "\u00e9", ".", "\\.", "\\-", "\\d",
      "\\w", "\\s", "\\S", "\\D", "\\W", "[a-c]", "[^a]", "[\\d]", "[^@\\s]", "[\\w-]", "[a\\-z]", "[.]",
      "\\u0041", "[\\u0061-\\u0063]", "\\n", "\\t");
  private static final List<String> QUANTIFIERS = List.of("", "", "", "*", "+", "?", "{2}", "{1,3}", "{0,}",
      "*?", "+?", "??", "{1,2}?");
  private static final List<String> TEXT = List.of("a", "b", "c", "A", "-", "@", ".", " ", "\n", "\t", "\u000B",
      "\r", "\f", "1", "_", "\u00e9", "\u2028", "\uD83D\uDE00", "\uD800", "\u0085");

  @Property(tries = 3000)
  void whenTheJdkMatcherAnswersItAnswersAsRe2jDoes(@ForAll("patterns") String regex, @ForAll("texts") String text) {
    Pattern re2j;
    try {
      re2j = LinearTimeRegex.compile(regex);
    } catch (RuntimeException e) {
      Assume.that(false);
      return;
    }
    BoundedBacktracking fast = BoundedBacktracking.of(regex);
    assertThat(fast).as("the generated patterns are all in the fast subset: %s", regex).isNotNull();
    BoundedBacktracking.Outcome outcome = fast.find(text);
    if (outcome != BoundedBacktracking.Outcome.GAVE_UP) {
      assertThat(outcome == BoundedBacktracking.Outcome.MATCH).as("/%s/ on '%s'", regex, text)
          .isEqualTo(re2j.matcher(text).find());
    }
  }

  @Provide
  Arbitrary<String> patterns() {
    Arbitrary<String> flat = sequence(Arbitraries.of(ATOMS));
    Arbitrary<String> group = Combinators.combine(Arbitraries.of("(", "(?:"), alternation(flat))
        .as((open, body) -> open + body + ")");
    Arbitrary<String> atom = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, Arbitraries.of(ATOMS)), net.jqwik.api.Tuple.of(1, group));
    return Combinators.combine(Arbitraries.of("", "^"), alternation(sequence(atom)), Arbitraries.of("", "$"))
        .as((start, body, end) -> start + body + end);
  }

  private static Arbitrary<String> sequence(Arbitrary<String> atom) {
    Arbitrary<String> quantified = Combinators.combine(atom, Arbitraries.of(QUANTIFIERS)).as(String::concat);
    return quantified.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join("", l));
  }

  private static Arbitrary<String> alternation(Arbitrary<String> sequence) {
    return sequence.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(TEXT).list().ofMaxSize(12).map(l -> String.join("", l));
  }
}
