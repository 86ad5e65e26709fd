package org.canonicalregistry.registry.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * The registry's authorization decisions, as explicit calls with typed arguments. Every check denies unless the
 * principal qualifies; a denial is a {@link ProblemType#FORBIDDEN} problem naming the action, the principal and what
 * would have allowed it. Feature services call these at the top of every write, so every way in (REST, console,
 * import) goes through the same decision.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * @param action what is being attempted, in words ("create an entity")
     * @throws RegistryException FORBIDDEN unless the principal has one of the roles
     */
    public static void requireAnyRole(Principal principal, String action, Role... roles) {
        for (Role role : roles) {
            if (principal.hasRole(role)) {
                return;
            }
        }
        throw forbidden(principal, action, "needs one of the roles " + Arrays.toString(roles));
    }

    /**
     * @param target what is owned, in words ("entity 'customer'")
     * @param owners principal names owning the target
     * @throws RegistryException FORBIDDEN unless the principal is an ADMIN or is named in {@code owners}
     */
    public static void requireOwnerOrAdmin(Principal principal, String action, String target, Collection<String> owners) {
        if (principal.isAdmin() || owners.contains(principal.name())) {
            return;
        }
        throw forbidden(principal, action, "needs an owner of " + target + " " + owners + " or an ADMIN");
    }

    /** A FORBIDDEN problem in the common wording. */
    public static RegistryException forbidden(Principal principal, String action, String why) {
        return new RegistryException(ProblemType.FORBIDDEN, "principal " + RegistryException.quoted(principal.name())
                + " may not " + action + ": " + why, Map.of("principal", principal.name()));
    }
}
