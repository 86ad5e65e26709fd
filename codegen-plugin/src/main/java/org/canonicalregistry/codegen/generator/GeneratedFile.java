package org.canonicalregistry.codegen.generator;

import java.util.Objects;

/**
 * One generated Java source file.
 *
 * @param path    relative path below the output directory, with {@code /} separators
 *                ({@code org/canonicalregistry/canonical/customer/v1/Customer.java})
 * @param content the complete source text; identical for identical inputs (no timestamps)
 */
public record GeneratedFile(String path, String content) {
  public GeneratedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
  }
}
