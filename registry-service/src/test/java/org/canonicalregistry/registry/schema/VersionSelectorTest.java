package org.canonicalregistry.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VersionSelectorTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(Named.of("latest", "latest"), new VersionSelector.Latest()),
                Arguments.of(Named.of("latest of a major", "2.latest"), new VersionSelector.LatestOfMajor(2)),
                Arguments.of(Named.of("exact first version", "1.0"), new VersionSelector.Exact(1, 0)),
                Arguments.of(Named.of("exact multi-digit", "12.345"), new VersionSelector.Exact(12, 345)),
                Arguments.of(Named.of("largest accepted numbers", "999999999.999999999"), new VersionSelector.Exact(999999999, 999999999)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesAcceptedForms(String text, VersionSelector expected) {
        VersionSelector parsed = VersionSelector.parse(text);
        assertThat(parsed).isEqualTo(expected);
        assertThat(parsed).hasToString(text);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of(Named.of("empty", "")),
                Arguments.of(Named.of("major only", "1")),
                Arguments.of(Named.of("major zero", "0.1")),
                Arguments.of(Named.of("leading zero", "01.0")),
                Arguments.of(Named.of("negative", "-1.0")),
                Arguments.of(Named.of("three parts", "1.0.0")),
                Arguments.of(Named.of("overflowing number", "9999999999.0")),
                Arguments.of(Named.of("upper-case latest", "LATEST")),
                Arguments.of(Named.of("latest major", "latest.1")),
                Arguments.of(Named.of("whitespace", " 1.0")),
                Arguments.of(Named.of("unicode digits", "\u0661.\u0660")),
                Arguments.of(Named.of("control character", "1.0\n")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void rejectsEverythingElseAsMalformedRequestNamingTheInput(String text) {
        assertThatThrownBy(() -> VersionSelector.parse(text))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.problemType()).isEqualTo(ProblemType.MALFORMED_REQUEST);
                    assertThat(e.getMessage()).contains(RegistryException.quoted(text)).contains("'<major>.<minor>'");
                });
    }

    @org.junit.jupiter.api.Test
    void nullIsMalformedToo() {
        assertThatThrownBy(() -> VersionSelector.parse(null)).isInstanceOf(RegistryException.class);
    }
}
