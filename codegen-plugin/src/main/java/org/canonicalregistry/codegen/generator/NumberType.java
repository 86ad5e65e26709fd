package org.canonicalregistry.codegen.generator;

/** The Java type of a JSON Schema {@code number}. */
public enum NumberType {
  /** {@code java.math.BigDecimal}: exact, the default, so amounts and rates never round through binary floating point. */
  BIG_DECIMAL,
  /** {@code java.lang.Double}. */
  DOUBLE
}
