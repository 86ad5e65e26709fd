package org.canonicalregistry.registry.problem;

import java.util.Map;

/** No entity with the given name exists ({@link ProblemType#ENTITY_NOT_FOUND}, 404). */
public class EntityNotFoundException extends RegistryException {

    private static final long serialVersionUID = 1L;

    public EntityNotFoundException(String entity) {
        super(ProblemType.ENTITY_NOT_FOUND, "no entity named " + quoted(entity), Map.of("entity", entity));
    }
}
