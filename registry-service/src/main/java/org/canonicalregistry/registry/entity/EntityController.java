package org.canonicalregistry.registry.entity;

import java.net.URI;
import java.util.List;

import org.canonicalregistry.registry.api.EntitiesApi;
import org.canonicalregistry.registry.api.model.EntityCreateRequest;
import org.canonicalregistry.registry.api.model.EntityUpdateRequest;
import org.canonicalregistry.registry.security.CurrentPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/entities}: create, list (filtered by domain and owner), read and patch canonical entities.
 * Path and query parameters are checked against the contract's patterns (bean validation on the generated
 * interface) before any of them reaches SQL; errors become problems in {@code ProblemAdvice}.
 */
@RestController
class EntityController implements EntitiesApi {

    private final EntityService entities;
    private final EntityVersionIndex versions;
    private final CurrentPrincipal caller;

    EntityController(EntityService entities, EntityVersionIndex versions, CurrentPrincipal caller) {
        this.entities = entities;
        this.versions = versions;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.Entity> createEntity(EntityCreateRequest request) {
        Entity created = entities.create(caller.require(), EntityRepresentation.toNewEntity(request));
        return ResponseEntity.created(location(created))
                .body(EntityRepresentation.toApi(created, null));
    }

    @Override
    public ResponseEntity<List<org.canonicalregistry.registry.api.model.Entity>> listEntities(String domain,
            String owner) {
        return ResponseEntity.ok(entities.list(domain, owner).stream().map(this::toApi).toList());
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.Entity> getEntity(String name) {
        return ResponseEntity.ok(toApi(entities.get(name)));
    }

    @Override
    public ResponseEntity<org.canonicalregistry.registry.api.model.Entity> updateEntity(String name,
            EntityUpdateRequest request) {
        var actor = caller.require();
        Entity current = entities.get(name);
        Entity updated = entities.update(actor, name, EntityRepresentation.merge(current, request));
        return ResponseEntity.ok(toApi(updated));
    }

    private org.canonicalregistry.registry.api.model.Entity toApi(Entity entity) {
        return EntityRepresentation.toApi(entity, versions.latestVersion(entity.name()).orElse(null));
    }

    /** Server-relative, so it stays right behind any proxy; names are lower-kebab, nothing to encode. */
    static URI location(Entity entity) {
        return URI.create("/api/v1/entities/" + entity.name());
    }
}
