package org.canonicalregistry.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeKindTest {

  @ParameterizedTest(name = "{0}")
  @EnumSource(ChangeKind.class)
  void everyKindCarriesDirectionsAndASentence(ChangeKind kind) {
    assertThat(kind.strict()).isNotNull();
    assertThat(kind.lenient()).isNotNull();
    String sentence = kind.sentence("Field 'x'", "detail");
    assertThat(sentence).startsWith("Field 'x'").doesNotContain("{").endsWith(".");
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ChangeKind.class)
  void lenientNeverBreaksMoreThanStrict(ChangeKind kind) {
    assertThat(!kind.lenient().backward() || kind.strict().backward()).isTrue();
    assertThat(!kind.lenient().forward() || kind.strict().forward()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ChangeKind.class)
  void onlyTheTolerantReaderKindsAreRelaxedUnderLenient(ChangeKind kind) {
    boolean relaxed = kind.lenient() != kind.strict();
    assertThat(relaxed).isEqualTo(kind.name().contains("OPEN_CONTENT_MODEL")
        || kind.name().startsWith("ADDITIONAL_PROPERTIES_") || kind.name().equals("UNEVALUATED_PROPERTIES_NARROWED")
        || kind.name().equals("UNEVALUATED_PROPERTIES_WIDENED"));
  }
}
