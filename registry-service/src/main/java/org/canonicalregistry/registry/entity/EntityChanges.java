package org.canonicalregistry.registry.entity;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * The new values of an entity's mutable fields (full replacement: a PATCH endpoint merges the request over
 * {@link EntityService#get} first). The name and the timestamps cannot change. Construction validates like
 * {@link NewEntity} and throws one VALIDATION_FAILED {@link RegistryException}.
 *
 * @param domain required, lower-kebab
 * @param description null is stored as empty
 * @param owners null means none
 * @param compatibilityMode null means {@link CompatibilityMode#DEFAULT}
 * @param compatibilityPolicy null means {@link CompatibilityPolicy#DEFAULT}
 * @param systemOfRecord null clears it
 */
public record EntityChanges(String domain, String description, Set<String> owners,
                            CompatibilityMode compatibilityMode, CompatibilityPolicy compatibilityPolicy,
                            String systemOfRecord) {

    public EntityChanges {
        EntityRules.checkMutableFields(EntityRules.errors(), domain, description, owners, systemOfRecord);
        description = description == null ? "" : description;
        owners = owners == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(owners));
        compatibilityMode = compatibilityMode == null ? CompatibilityMode.DEFAULT : compatibilityMode;
        compatibilityPolicy = compatibilityPolicy == null ? CompatibilityPolicy.DEFAULT : compatibilityPolicy;
    }

    /** The current values of {@code entity}, as a starting point for a partial update. */
    public static EntityChanges of(Entity entity) {
        return new EntityChanges(entity.domain(), entity.description(), entity.owners(), entity.compatibilityMode(),
                entity.compatibilityPolicy(), entity.systemOfRecord());
    }
}
