package org.canonicalregistry.registry.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The principal Spring Security authenticated for the current request (thread-bound), if any. */
@Component
class SecurityContextPrincipal implements CurrentPrincipal {

    @Override
    public Optional<Principal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof RegistryAuthentication registry && registry.isAuthenticated()) {
            return Optional.of(registry.getPrincipal());
        }
        return Optional.empty();
    }
}
