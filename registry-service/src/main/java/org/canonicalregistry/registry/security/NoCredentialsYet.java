package org.canonicalregistry.registry.security;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** TEMPORARY (replaced by the token/OIDC authentication of the security feature): every request is anonymous. */
@Component
class NoCredentialsYet implements CurrentPrincipal {
    @Override
    public Optional<Principal> find() {
        return Optional.empty();
    }
}
