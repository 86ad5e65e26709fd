package org.canonicalregistry.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;

import tools.jackson.databind.JsonNode;

/** A compiled networknt schema; networknt's {@link Schema} is immutable and thread-safe after init. */
final class NetworkntCompiledSchema implements CompiledSchema {

  private final Schema schema;

  NetworkntCompiledSchema(Schema schema) {
    this.schema = schema;
  }

  @Override
  public boolean isValid(JsonNode instance) {
    Objects.requireNonNull(instance, "instance");
    try (LinearTimeRegex.Budget budget = LinearTimeRegex.openBudget()) {
      return schema.validate(instance, ctx -> ctx.setFailFast(true)).isEmpty() && !budget.exhausted();
    }
  }

  @Override
  public ValidationReport validate(JsonNode instance) {
    Objects.requireNonNull(instance, "instance");
    List<Violation> violations = new ArrayList<>();
    List<Error> errors;
    boolean regexBudgetExhausted;
    try (LinearTimeRegex.Budget budget = LinearTimeRegex.openBudget()) {
      errors = schema.validate(instance);
      regexBudgetExhausted = budget.exhausted();
    }
    for (Error e : errors) {
      violations.add(new Violation(
          e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString(),
          e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString(),
          e.getKeyword() == null ? "" : e.getKeyword(),
          e.getMessage() == null ? "" : e.getMessage()));
    }
    if (regexBudgetExhausted) {
      // Fail closed: a cut-short evaluation counted as "no match", which under not/patternProperties
      // could have let an instance pass.
      violations.add(new Violation("", "", "pattern", "regular-expression evaluation exceeded its budget of "
          + LinearTimeRegex.BUDGET_NANOS / 1_000_000 + " ms for one validation; the instance is not accepted"));
    }
    return new ValidationReport(violations);
  }
}
