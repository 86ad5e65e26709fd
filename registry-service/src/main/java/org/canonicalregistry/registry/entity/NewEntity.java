package org.canonicalregistry.registry.entity;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * What a caller gives to create an entity. Construction validates every field and throws one
 * {@link RegistryException} of type VALIDATION_FAILED listing all broken rules (pointers {@code /name},
 * {@code /domain}, {@code /description}, {@code /owners/<i>}, {@code /systemOfRecord}).
 *
 * @param name required, lower-kebab {@code ^[a-z][a-z0-9]*(-[a-z0-9]+)*$}, at most 64 characters
 * @param domain required, lower-kebab, at most 64 characters
 * @param description null is stored as empty; at most 2000 characters
 * @param owners principal names (1..128 characters, no control characters); null means none; at most 50
 * @param compatibilityMode null means {@link CompatibilityMode#DEFAULT}
 * @param compatibilityPolicy null means {@link CompatibilityPolicy#DEFAULT}
 * @param systemOfRecord lower-kebab system code or null
 */
public record NewEntity(String name, String domain, String description, Set<String> owners,
                        CompatibilityMode compatibilityMode, CompatibilityPolicy compatibilityPolicy,
                        String systemOfRecord) {

    public NewEntity {
        List<InvalidField> errors = EntityRules.errors();
        EntityRules.kebab(errors, "/name", name, true);
        EntityRules.checkMutableFields(errors, domain, description, owners, systemOfRecord);
        description = description == null ? "" : description;
        owners = owners == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(owners));
        compatibilityMode = compatibilityMode == null ? CompatibilityMode.DEFAULT : compatibilityMode;
        compatibilityPolicy = compatibilityPolicy == null ? CompatibilityPolicy.DEFAULT : compatibilityPolicy;
    }

    /** Name and domain only; everything else defaulted. */
    public static NewEntity of(String name, String domain) {
        return new NewEntity(name, domain, null, null, null, null, null);
    }
}
