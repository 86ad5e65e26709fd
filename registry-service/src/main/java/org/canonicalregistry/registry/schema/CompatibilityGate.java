package org.canonicalregistry.registry.schema;

import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.schema.CanonicalSchema;

/**
 * Admits or refuses a new schema version against the major line it joins. Registration calls it while it holds the
 * entity's row lock, after numbering and before inserting, so the verdict and the number are decided on the same
 * snapshot: two concurrent registrations are judged one after the other, the second against the first.
 * Implemented by the compatibility feature.
 */
public interface CompatibilityGate {

    /**
     * Returns normally when {@code candidate} may join {@code line} under the entity's compatibility mode and policy.
     *
     * @param entity the entity as read under the lock; never null
     * @param candidate the loaded candidate schema; never null
     * @param line the line it joins with the versions that count; never null
     * @throws RegistryException {@code INCOMPATIBLE_CHANGE} to refuse; the caller then writes nothing
     */
    void admit(Entity entity, CanonicalSchema candidate, MajorLine line);
}
