package org.canonicalregistry.registry.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/**
 * A canonical entity (e.g. {@code customer}) as stored: its unique lower-kebab name, business domain, description,
 * data owners (principal names, sorted), compatibility mode and policy, system of record and timestamps.
 *
 * @param name unique, lower-kebab, at most 64 characters; never null
 * @param domain lower-kebab business domain; never null
 * @param description free text, possibly empty; never null
 * @param owners principal names, unmodifiable and sorted; never null, possibly empty
 * @param compatibilityMode never null
 * @param compatibilityPolicy never null
 * @param systemOfRecord code of the system that owns the master data, or null when not assigned
 * @param createdAt never null
 * @param updatedAt never null
 */
public record Entity(String name, String domain, String description, Set<String> owners,
                     CompatibilityMode compatibilityMode, CompatibilityPolicy compatibilityPolicy,
                     String systemOfRecord, Instant createdAt, Instant updatedAt) {

    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(compatibilityMode, "compatibilityMode");
        Objects.requireNonNull(compatibilityPolicy, "compatibilityPolicy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        SortedSet<String> sorted = new TreeSet<>(owners);
        owners = Collections.unmodifiableSortedSet(sorted);
    }
}
