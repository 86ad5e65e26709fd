package org.canonicalregistry.registry.problem;

import java.util.Map;

/** An entity with this name already exists ({@link ProblemType#ENTITY_ALREADY_EXISTS}, 409). */
public class EntityAlreadyExistsException extends RegistryException {

    private static final long serialVersionUID = 1L;

    public EntityAlreadyExistsException(String entity) {
        super(ProblemType.ENTITY_ALREADY_EXISTS, "an entity named " + quoted(entity) + " already exists", Map.of("entity", entity));
    }
}
