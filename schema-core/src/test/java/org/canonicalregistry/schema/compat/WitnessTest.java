package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.canonicalregistry.schema.CompiledSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaRejectedException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every breaking change of the catalogue cases gets a witness, and the real validator agrees with each one. */
class WitnessTest {
  private static final SchemaEngine VALIDATOR = SchemaEngine.withDefaults();
  private static final CompatibilityEngine ENGINE = CompatibilityEngine.builder().schemaEngine(VALIDATOR).build();

  /** Kinds reported as breaking both ways because the engine cannot decide; one direction may be unprovable. */
  private static final java.util.Set<ChangeKind> CONSERVATIVE = java.util.EnumSet.of(
      ChangeKind.PATTERN_PROPERTIES_CHANGED, ChangeKind.UNEVALUATED_PROPERTIES_UNDECIDED, ChangeKind.PATTERN_CHANGED,
      ChangeKind.UNKNOWN_KEYWORD_CHANGED, ChangeKind.REFERENCE_UNRESOLVED, ChangeKind.UNDECIDABLE_KEYWORD_CHANGED,
      ChangeKind.UNEVALUATED_ITEMS_UNDECIDED, ChangeKind.ONE_OF_BRANCHES_MAY_OVERLAP);

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases() {
    return ChangeDetectionTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyStrictBreakHasAConfirmedWitness(ChangeDetectionTest.Case c) {
    JsonNode old = Json.parse(c.old());
    JsonNode updated = Json.parse(c.updated());
    CompatibilityReport report = ENGINE.check(CompatibilityMode.FULL, CompatibilityPolicy.STRICT, updated, List.of(old));
    List<JudgedChange> changes = report.versions().get(0).changes();
    CompiledSchema oldSchema;
    CompiledSchema newSchema;
    try {
      oldSchema = VALIDATOR.compile(old);
      newSchema = VALIDATOR.compile(updated);
    } catch (SchemaRejectedException e) {
      // The validator refuses the schema (remote or dangling reference): no witness can be confirmed.
      assertThat(changes).flatExtracting(JudgedChange::witnesses).allMatch(w -> w instanceof WitnessSearch.NotFound);
      return;
    }
    for (JudgedChange change : changes) {
      assertThat(change.witnesses()).hasSize(change.breaks() == Breaks.BOTH ? 2 : change.breaks() == Breaks.NEITHER ? 0 : 1);
      for (WitnessSearch w : change.witnesses()) {
        if (w instanceof WitnessSearch.Confirmed confirmed) {
          JsonNode instance = confirmed.witness().instance();
          boolean backward = confirmed.direction() == Breaks.BACKWARD;
          assertThat(oldSchema.isValid(instance)).isEqualTo(backward);
          assertThat(newSchema.isValid(instance)).isEqualTo(!backward);
        }
      }
    }
    if (c.kind() != null && !CONSERVATIVE.contains(c.kind())) {
      // The change is real in every direction its kind claims: a witness must prove each one.
      JudgedChange change = changes.stream().filter(j -> j.change().kind() == c.kind()).findFirst().orElseThrow();
      assertThat(change.witnesses()).as(change.sentence()).allMatch(w -> w instanceof WitnessSearch.Confirmed);
    }
  }
}
