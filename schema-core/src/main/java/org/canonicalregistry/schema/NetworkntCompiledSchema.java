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
    return schema.validate(instance, ctx -> ctx.setFailFast(true)).isEmpty();
  }

  @Override
  public ValidationReport validate(JsonNode instance) {
    Objects.requireNonNull(instance, "instance");
    List<Violation> violations = new ArrayList<>();
    for (Error e : schema.validate(instance)) {
      violations.add(new Violation(
          e.getInstanceLocation() == null ? "" : e.getInstanceLocation().toString(),
          e.getSchemaLocation() == null ? "" : e.getSchemaLocation().toString(),
          e.getKeyword() == null ? "" : e.getKeyword(),
          e.getMessage() == null ? "" : e.getMessage()));
    }
    return new ValidationReport(violations);
  }
}
