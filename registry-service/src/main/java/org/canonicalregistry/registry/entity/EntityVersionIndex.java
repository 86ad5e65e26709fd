package org.canonicalregistry.registry.entity;

import java.util.Optional;

/**
 * What the entity feature needs to know about schema versions: an entity's newest version, for the
 * {@code latestVersion} member of the entity representation. Implemented by the schema feature, so that the
 * dependency between the two features keeps pointing one way (schema uses entity, never the reverse).
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface EntityVersionIndex {

    /** {@code MAJOR.MINOR} of the entity's newest non-retired version; empty when it has none (or no such entity). */
    Optional<String> latestVersion(String entity);
}
