package org.canonicalregistry.registry.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NewEntityTest {

    static Arguments invalid(String name, Supplier<Object> build, String pointer, String messagePart) {
        return Arguments.of(Named.of(name, build), pointer, messagePart);
    }

    static Stream<Arguments> invalidInputs() {
        return Stream.of(
                invalid("missing name", () -> NewEntity.of(null, "sales"), "/name", "required"),
                invalid("upper-case name", () -> NewEntity.of("Customer", "sales"), "/name", "lower-kebab"),
                invalid("name starting with a digit", () -> NewEntity.of("1customer", "sales"), "/name", "lower-kebab"),
                invalid("double hyphen", () -> NewEntity.of("a--b", "sales"), "/name", "lower-kebab"),
                invalid("trailing hyphen", () -> NewEntity.of("a-", "sales"), "/name", "lower-kebab"),
                invalid("name of 65 characters", () -> NewEntity.of("a".repeat(65), "sales"), "/name", "limit is 64"),
                invalid("missing domain", () -> NewEntity.of("customer", null), "/domain", "required"),
                invalid("description of 2001 characters",
                        () -> new NewEntity("c", "d", "x".repeat(2001), null, null, null, null), "/description", "limit is 2000"),
                invalid("blank owner", () -> new NewEntity("c", "d", null, Set.of(" "), null, null, null), "/owners/0", "whitespace"),
                invalid("owner with a control character",
                        () -> new NewEntity("c", "d", null, Set.of("a\u0007b"), null, null, null), "/owners/0", "\\u0007"),
                invalid("owner of 129 characters",
                        () -> new NewEntity("c", "d", null, Set.of("o".repeat(129)), null, null, null), "/owners/0", "limit is 128"),
                invalid("system of record not kebab",
                        () -> new NewEntity("c", "d", null, null, null, null, "CRM"), "/systemOfRecord", "lower-kebab"),
                invalid("update without domain", () -> new EntityChanges(null, null, null, null, null, null), "/domain", "required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void invalidInputIsRejectedNamingThePointerAndTheRule(Supplier<Object> build, String pointer, String messagePart) {
        assertThatThrownBy(build::get).isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.problemType()).isEqualTo(ProblemType.VALIDATION_FAILED);
            @SuppressWarnings("unchecked")
            List<InvalidField> errors = (List<InvalidField>) e.extensions().get("errors");
            assertThat(errors).anySatisfy(f -> {
                assertThat(f.pointer()).isEqualTo(pointer);
                assertThat(f.message()).contains(messagePart);
            });
        });
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        assertThatThrownBy(() -> new NewEntity("Bad Name", "Bad Domain", null, null, null, null, null))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat((List<?>) e.extensions().get("errors")).hasSize(2));
    }

    @Test
    void optionalFieldsGetDefaults() {
        NewEntity e = NewEntity.of("customer-account", "sales");

        assertThat(e.description()).isEmpty();
        assertThat(e.owners()).isEmpty();
        assertThat(e.compatibilityMode()).isEqualTo(CompatibilityMode.BACKWARD_TRANSITIVE);
        assertThat(e.compatibilityPolicy()).isEqualTo(CompatibilityPolicy.STRICT);
        assertThat(e.systemOfRecord()).isNull();
    }

    @Test
    void nameOfExactlySixtyFourCharactersIsAccepted() {
        assertThat(NewEntity.of("a".repeat(64), "sales").name()).hasSize(64);
    }
}
