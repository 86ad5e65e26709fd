package org.canonicalregistry.registry.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProblemTypeTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProblemType.class)
    void everyTypeHasAKebabUriUnderTheBaseAnErrorStatusAndATitle(ProblemType type) {
        assertThat(type.type().toString())
                .startsWith(ProblemType.BASE_URI)
                .matches("https://canonical-registry\\.org/problems/[a-z]+(-[a-z]+)*");
        assertThat(type.status()).isBetween(400, 599);
        assertThat(type.title()).isNotBlank();
    }

    @Test
    void typeUrisAreTheOnesTheContractNames() {
        assertThat(ProblemType.ENTITY_NOT_FOUND.type()).hasToString("https://canonical-registry.org/problems/entity-not-found");
        assertThat(ProblemType.SCHEMA_REJECTED.type()).hasToString("https://canonical-registry.org/problems/schema-rejected");
        assertThat(ProblemType.PAYLOAD_TOO_LARGE.status()).isEqualTo(413);
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::type).distinct()).hasSize(ProblemType.values().length);
    }

    @Test
    void validationFailureListsEveryErrorAndNamesTheFirstInTheDetail() {
        RegistryException e = RegistryException.validationFailed(List.of(
                new InvalidField("/name", "is required"), new InvalidField("/domain", "is required")));

        assertThat(e.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED);
        assertThat(e.detail()).isEqualTo("2 fields are invalid; first /name: is required");
        assertThat(e.extensions()).containsOnlyKeys("errors");
        assertThat((List<?>) e.extensions().get("errors")).hasSize(2);
    }

    @Test
    void extensionsAreACopy() {
        Map<String, Object> source = new java.util.HashMap<>(Map.of("limit", 1));
        RegistryException e = new RegistryException(ProblemType.PAYLOAD_TOO_LARGE, "too big", source);
        source.put("limit", 2);

        assertThat(e.extensions()).containsEntry("limit", 1);
    }

    @Test
    void quotedEscapesControlCharactersAndCutsLongInput() {
        assertThat(RegistryException.quoted("a\nb\u0000")).isEqualTo("'a\\u000ab\\u0000'");
        assertThat(RegistryException.quoted("x".repeat(100))).isEqualTo("'" + "x".repeat(80) + "…'");
        assertThat(RegistryException.quoted(null)).isEqualTo("null");
    }
}
