package org.canonicalregistry.registry.entity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.canonicalregistry.registry.problem.EntityAlreadyExistsException;
import org.canonicalregistry.registry.problem.EntityNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, reads and changes canonical entities. Thread-safe; each method is one transaction.
 * Errors are {@link org.canonicalregistry.registry.problem.RegistryException}s: invalid input is rejected when the
 * {@link NewEntity}/{@link EntityChanges} record is built (VALIDATION_FAILED), a missing entity is
 * {@link EntityNotFoundException}, a duplicate name {@link EntityAlreadyExistsException}.
 */
@Service
public class EntityService {

    private final EntityRepository repository;
    private final Clock clock;

    EntityService(EntityRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * @throws EntityAlreadyExistsException when the name is taken (also when a concurrent create won the race)
     */
    @Transactional
    public Entity create(NewEntity request) {
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
     * Replaces the mutable fields and bumps {@code updatedAt}.
     *
     * @throws EntityNotFoundException when no entity has this name
     */
    @Transactional
    public Entity update(String name, EntityChanges changes) {
        Entity current = get(name);
        Entity changed = new Entity(current.name(), changes.domain(), changes.description(), changes.owners(),
                changes.compatibilityMode(), changes.compatibilityPolicy(), changes.systemOfRecord(),
                current.createdAt(), now());
        if (!repository.update(changed)) {
            throw new EntityNotFoundException(name);
        }
        return changed;
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
