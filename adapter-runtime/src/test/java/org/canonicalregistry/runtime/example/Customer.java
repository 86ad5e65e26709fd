package org.canonicalregistry.runtime.example;

import org.canonicalregistry.runtime.testing.Models;
import org.canonicalregistry.schema.SchemaEngine;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Shaped like the record the codegen plugin generates for {@code customer@1.0} (a subset of its fields, and the
 * four constants the runtime reads). The real one comes from model-definitions' build; this copy keeps the
 * module's tests independent of it. Its fingerprint is computed from the model file, so it cannot drift.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Customer(String customerId, String customerNumber, String customerType, String status,
                       String displayName, String email) {

  public static final String ENTITY = "customer";
  public static final String VERSION = "1.0";
  public static final long GLOBAL_ID = -1L;
  public static final String FINGERPRINT =
      SchemaEngine.withDefaults().load(Models.read("entities/customer.schema.json")).fingerprint();
}
