package org.canonicalregistry.registry.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.canonicalregistry.registry.api.model.EntityCreateRequest;
import org.canonicalregistry.registry.api.model.EntityUpdateRequest;

/**
 * Converts between the generated wire models of the entities API and the entity feature's records. Wire types
 * never pass this class: the service sees {@link NewEntity} and {@link EntityChanges} only.
 */
final class EntityRepresentation {

    private EntityRepresentation() {
    }

    static NewEntity toNewEntity(EntityCreateRequest request) {
        return new NewEntity(request.getName(), request.getDomain(), request.getDescription(),
                owners(request.getOwners()), mode(request.getCompatibility()), policy(request.getCompatibilityPolicy()),
                request.getSystemOfRecord());
    }

    /** PATCH semantics of the contract: an absent or null member keeps the stored value. */
    static EntityChanges merge(Entity current, EntityUpdateRequest patch) {
        EntityChanges base = EntityChanges.of(current);
        return new EntityChanges(base.domain(),
                patch.getDescription() != null ? patch.getDescription() : base.description(),
                patch.getOwners() != null ? owners(patch.getOwners()) : base.owners(),
                patch.getCompatibility() != null ? mode(patch.getCompatibility()) : base.compatibilityMode(),
                patch.getCompatibilityPolicy() != null ? policy(patch.getCompatibilityPolicy()) : base.compatibilityPolicy(),
                patch.getSystemOfRecord() != null ? patch.getSystemOfRecord() : base.systemOfRecord());
    }

    static org.canonicalregistry.registry.api.model.Entity toApi(Entity entity, String latestVersion) {
        return new org.canonicalregistry.registry.api.model.Entity()
                .name(entity.name())
                .domain(entity.domain())
                .description(entity.description().isEmpty() ? null : entity.description())
                .owners(new ArrayList<>(entity.owners()))
                .compatibility(org.canonicalregistry.registry.api.model.CompatibilityMode.fromValue(
                        entity.compatibilityMode().name()))
                .compatibilityPolicy(org.canonicalregistry.registry.api.model.CompatibilityPolicy.fromValue(
                        entity.compatibilityPolicy().name()))
                .systemOfRecord(entity.systemOfRecord())
                .createdAt(utc(entity.createdAt()))
                .updatedAt(utc(entity.updatedAt()))
                .latestVersion(latestVersion);
    }

    private static Set<String> owners(List<String> owners) {
        return owners == null ? null : new LinkedHashSet<>(owners);
    }

    private static CompatibilityMode mode(org.canonicalregistry.registry.api.model.CompatibilityMode mode) {
        return mode == null ? null : CompatibilityMode.valueOf(mode.getValue());
    }

    private static CompatibilityPolicy policy(org.canonicalregistry.registry.api.model.CompatibilityPolicy policy) {
        return policy == null ? null : CompatibilityPolicy.valueOf(policy.getValue());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
