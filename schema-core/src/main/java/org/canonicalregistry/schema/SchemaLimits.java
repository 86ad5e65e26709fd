package org.canonicalregistry.schema;

/**
 * Bounds applied before any heavy parsing.
 *
 * @param maxBytes         largest schema document in bytes (default 262144 = 256 KiB)
 * @param maxDepth         deepest nesting of objects/arrays; the root container is depth 1 (default 64)
 * @param maxInstanceBytes largest instance document for {@link SchemaEngine#parseInstance(byte[])}
 *                         (default 1 MiB): messages are usually larger than the schema describing them
 */
public record SchemaLimits(int maxBytes, int maxDepth, int maxInstanceBytes) {

  public static final int DEFAULT_MAX_BYTES = 256 * 1024;
  public static final int DEFAULT_MAX_DEPTH = 64;
  public static final int DEFAULT_MAX_INSTANCE_BYTES = 1024 * 1024;

  public SchemaLimits {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be positive, was " + maxDepth);
    }
    if (maxInstanceBytes < 1) {
      throw new IllegalArgumentException("maxInstanceBytes must be positive, was " + maxInstanceBytes);
    }
  }

  /** Contract constructor: the instance limit is the larger of {@code maxBytes} and 1 MiB. */
  public SchemaLimits(int maxBytes, int maxDepth) {
    this(maxBytes, maxDepth, Math.max(maxBytes, DEFAULT_MAX_INSTANCE_BYTES));
  }

  /** @return 256 KiB schemas, depth 64, 1 MiB instances */
  public static SchemaLimits defaults() {
    return new SchemaLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_INSTANCE_BYTES);
  }
}
