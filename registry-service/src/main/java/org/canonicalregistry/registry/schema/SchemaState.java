package org.canonicalregistry.registry.schema;

/**
 * Lifecycle of a published schema version. Content never changes in any state; only the state moves.
 * RETIRED versions stay readable by exact version and resolvable as references, but are no longer {@code latest}.
 */
public enum SchemaState {
    PUBLISHED, DEPRECATED, RETIRED
}
