package org.canonicalregistry.schema.compat;

import java.util.Objects;
import tools.jackson.core.JsonPointer;

/**
 * One detected change between two schemas, before any policy judges it.
 *
 * @param kind       the typed change
 * @param oldPointer where the change sits in the old schema (RFC 6901; a property {@code a/b} gives
 *                   {@code /properties/a~1b}); for a change inside a referenced registry schema, the pointer is within
 *                   that schema
 * @param newPointer the same in the new schema
 * @param field      the instance location in a data owner's words: {@code ""} for the whole document,
 *                   {@code address.city}, {@code lines[].sku}, {@code address.*} for undeclared fields
 * @param detail     the concrete old and new values or the reason, never null
 */
public record SchemaChange(ChangeKind kind, JsonPointer oldPointer, JsonPointer newPointer, String field, String detail) {

  public SchemaChange {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(oldPointer, "oldPointer");
    Objects.requireNonNull(newPointer, "newPointer");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(detail, "detail");
  }

  /** One plain sentence for a data owner, e.g. "Field 'email' accepts fewer kinds of value than before: ...". */
  public String sentence() {
    String subject = field.isEmpty() ? "The document" : "Field '" + field + "'";
    return kind.sentence(subject, detail);
  }

  /** The directions this change breaks under {@code policy}. */
  public Breaks breaks(CompatibilityPolicy policy) {
    return Objects.requireNonNull(policy, "policy").breaks(kind);
  }
}
