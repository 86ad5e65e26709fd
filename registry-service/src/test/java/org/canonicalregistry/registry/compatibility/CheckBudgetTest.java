package org.canonicalregistry.registry.compatibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CheckBudgetTest {

    private final CheckBudget budget = new CheckBudget(Duration.ofMillis(500));

    @AfterEach
    void stop() {
        budget.destroy();
    }

    @Test
    void resultsAndFailuresOfAQuickCheckPassThrough() {
        assertThat(budget.run("quick", () -> 42)).isEqualTo(42);
        assertThatThrownBy(() -> budget.run("failing", () -> {
            throw new RegistryException(ProblemType.MALFORMED_REQUEST, "bad");
        })).isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.problemType()).isEqualTo(ProblemType.MALFORMED_REQUEST));
    }

    @Test
    void anExpensiveRealCheckIsAbandonedOnceTheBudgetIsSpent() {
        // 300 fields, each changing kind, enum and bounds, against three earlier versions in FULL mode: ~9,000
        // changes, each with witness searches that run the validator: about 5 s unbounded on a 2-core machine.
        JsonMapper json = JsonMapper.builder().build();
        JsonNode old = json.readTree(wide("\"type\":\"string\",\"maxLength\":20,\"enum\":[\"a\",\"b\",\"c\"]"));
        JsonNode candidate = json.readTree(wide("\"type\":\"integer\",\"maximum\":3,\"enum\":[1,2,3]"));
        CompatibilityEngine engine = CompatibilityEngine.withDefaults();
        long start = System.nanoTime();

        assertThatThrownBy(() -> budget.run("wide schema", () -> engine.check(CompatibilityMode.FULL_TRANSITIVE,
                CompatibilityPolicy.STRICT, candidate, List.of(old, old, old))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.problemType()).isEqualTo(ProblemType.SCHEMA_REJECTED);
                    assertThat(e.extensions()).containsEntry("reason", "CHECK_TIMED_OUT")
                            .containsEntry("timeoutMillis", 500L);
                    assertThat(e.getMessage()).contains("wide schema").contains("500 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aNonPositiveBudgetIsAConfigurationError() {
        assertThatThrownBy(() -> new CheckBudget(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check-timeout");
    }

    private static String wide(String field) {
        StringBuilder s = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        for (int i = 0; i < 300; i++) {
            s.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{").append(field).append('}');
        }
        return s.append("}}").toString();
    }
}
