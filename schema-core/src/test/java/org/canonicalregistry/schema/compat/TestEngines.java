package org.canonicalregistry.schema.compat;

import java.util.function.UnaryOperator;

/** Engines for tests. */
final class TestEngines {
  private TestEngines() {
  }

  static CompatibilityEngine diffOnly() {
    return new CompatibilityEngine(DocumentSource.none(), UnaryOperator.identity(), null, false);
  }
}
