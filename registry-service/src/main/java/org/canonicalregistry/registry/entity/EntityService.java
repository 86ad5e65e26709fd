package org.canonicalregistry.registry.entity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.canonicalregistry.registry.audit.StateFingerprint;
import org.canonicalregistry.registry.problem.EntityAlreadyExistsException;
import org.canonicalregistry.registry.problem.EntityNotFoundException;
import org.canonicalregistry.registry.security.AccessPolicy;
import org.canonicalregistry.registry.security.Principal;
import org.canonicalregistry.registry.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads and changes canonical entities. Thread-safe; each method is one transaction.
 * Writes take the acting {@link Principal} first and decide with {@link AccessPolicy}: only ADMINs create entities
 * or change their owners; an entity's owners (or an ADMIN) change its other fields. Each write publishes one
 * {@link EntityCreated} / {@link EntityChanged} inside its transaction.
 * Errors are {@link org.canonicalregistry.registry.problem.RegistryException}s: invalid input is rejected when the
 * {@link NewEntity}/{@link EntityChanges} record is built (VALIDATION_FAILED), a missing entity is
 * {@link EntityNotFoundException}, a duplicate name {@link EntityAlreadyExistsException}.
 */
@Service
public class EntityService {

    private final EntityRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EntityService(EntityRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @throws org.canonicalregistry.registry.problem.RegistryException FORBIDDEN unless the actor is an ADMIN
     * @throws EntityAlreadyExistsException when the name is taken (also when a concurrent create won the race)
     */
    @Transactional
    public Entity create(Principal actor, NewEntity request) {
        AccessPolicy.requireAnyRole(actor, "create entities", Role.ADMIN);
        if (repository.find(request.name()).isPresent()) {
            throw new EntityAlreadyExistsException(request.name());
        }
        Instant now = now();
        Entity entity = new Entity(request.name(), request.domain(), request.description(), request.owners(),
                request.compatibilityMode(), request.compatibilityPolicy(), request.systemOfRecord(), now, now);
        try {
            repository.insert(entity);
        } catch (DuplicateKeyException raced) {
            throw new EntityAlreadyExistsException(request.name());
        }
        events.publishEvent(new EntityCreated(actor.name(), entity.name(), StateFingerprint.of(entity), now));
        return entity;
    }

    /** All entities, ordered by name, optionally filtered by exact domain and/or owner principal (null = any). */
    @Transactional(readOnly = true)
    public List<Entity> list(String domain, String owner) {
        return repository.list(domain, owner);
    }

    /** @throws EntityNotFoundException when no entity has this name */
    @Transactional(readOnly = true)
    public Entity get(String name) {
        return find(name).orElseThrow(() -> new EntityNotFoundException(name));
    }

    /** The entity, or empty; never throws for an unknown or malformed name. */
    @Transactional(readOnly = true)
    public Optional<Entity> find(String name) {
        if (name == null || name.length() > EntityRules.MAX_NAME) {
            return Optional.empty();
        }
        return repository.find(name);
    }

    /**
     * Replaces the mutable fields and bumps {@code updatedAt}. Changing the owners needs an ADMIN; every other
     * field an owner of the entity or an ADMIN. A change that changes nothing is stored and published all the same
     * (its {@code updatedAt} moves), so callers see one behaviour.
     *
     * @throws EntityNotFoundException when no entity has this name
     * @throws org.canonicalregistry.registry.problem.RegistryException FORBIDDEN
     */
    @Transactional
    public Entity update(Principal actor, String name, EntityChanges changes) {
        Entity current = get(name);
        if (!changes.owners().equals(current.owners())) {
            AccessPolicy.requireAnyRole(actor, "change the owners of entity " + quoted(name), Role.ADMIN);
        }
        AccessPolicy.requireOwnerOrAdmin(actor, "change entity " + quoted(name), "entity " + quoted(name),
                current.owners());
        Entity changed = new Entity(current.name(), changes.domain(), changes.description(), changes.owners(),
                changes.compatibilityMode(), changes.compatibilityPolicy(), changes.systemOfRecord(),
                current.createdAt(), now());
        if (!repository.update(changed)) {
            throw new EntityNotFoundException(name);
        }
        events.publishEvent(new EntityChanged(actor.name(), name, StateFingerprint.of(current),
                StateFingerprint.of(changed), changed.updatedAt()));
        return changed;
    }

    private static String quoted(String name) {
        return org.canonicalregistry.registry.problem.RegistryException.quoted(name);
    }

    /** Number of entities; the sample import runs only when this is zero. */
    @Transactional(readOnly = true)
    public long count() {
        return repository.count();
    }

    /**
     * Locks the entity row for the rest of the caller's transaction, serialising writers of one entity.
     * Must be called inside a transaction (the schema feature's registration does).
     *
     * @throws EntityNotFoundException when no entity has this name
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lockForUpdate(String name) {
        if (!repository.lock(name)) {
            throw new EntityNotFoundException(name);
        }
    }

    // PostgreSQL keeps microseconds: truncating keeps the returned record equal to what a later read gives.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
