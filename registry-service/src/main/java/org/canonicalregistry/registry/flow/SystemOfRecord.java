package org.canonicalregistry.registry.flow;

import java.util.List;
import java.util.Objects;

/**
 * Which system masters which part of an entity.
 *
 * @param entity the canonical entity
 * @param system the system's code
 * @param role AUTHORITATIVE (the source of truth), CONTRIBUTOR (may create or update) or RECEIVER (reads only)
 * @param scope JSON pointers the declaration covers, sorted; empty for the whole entity
 * @param rank precedence among contributors (1 wins); may be null
 */
public record SystemOfRecord(String entity, String system, Role role, List<String> scope, Integer rank) {

    /** The part a system plays for an entity. */
    public enum Role { AUTHORITATIVE, CONTRIBUTOR, RECEIVER }

    public SystemOfRecord {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(system, "system");
        scope = scope == null ? List.of() : scope.stream().sorted().toList();
    }

    /** The key a store holds one declaration per: entity and system. */
    String key() {
        return entity + "/" + system;
    }
}
