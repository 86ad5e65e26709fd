package org.canonicalregistry.registry.security;

import java.util.Optional;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * The principal behind the request being served. Controllers (REST and console) ask it once and hand the
 * {@link Principal} to the feature service, which makes the authorization decision with {@link AccessPolicy}.
 */
public interface CurrentPrincipal {

    /** The authenticated principal, or empty for an anonymous request. */
    Optional<Principal> find();

    /**
     * The authenticated principal.
     *
     * @throws RegistryException {@link ProblemType#UNAUTHORIZED} when the request carries no valid credentials
     */
    default Principal require() {
        return find().orElseThrow(() -> new RegistryException(ProblemType.UNAUTHORIZED,
                "this operation needs an authenticated principal: send 'Authorization: Bearer <token>'"));
    }
}
