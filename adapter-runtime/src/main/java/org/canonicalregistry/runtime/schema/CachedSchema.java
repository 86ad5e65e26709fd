package org.canonicalregistry.runtime.schema;

import java.util.Objects;

import org.canonicalregistry.schema.CompiledSchema;

/**
 * A published version compiled and ready to validate. Immutable; the descriptor's state is the one last seen.
 *
 * @param descriptor the version
 * @param compiled   its validator
 */
public record CachedSchema(SchemaDescriptor descriptor, CompiledSchema compiled) {
  public CachedSchema {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(compiled, "compiled");
  }
}
