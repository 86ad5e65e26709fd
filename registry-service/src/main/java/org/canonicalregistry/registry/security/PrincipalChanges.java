package org.canonicalregistry.registry.security;

import java.util.List;
import java.util.Set;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * A partial update of a principal: each null member leaves the stored value unchanged. Construction validates and
 * throws one VALIDATION_FAILED {@link RegistryException}.
 *
 * @param displayName null = unchanged
 * @param email null = unchanged
 * @param roles null = unchanged; otherwise replaces every role
 */
public record PrincipalChanges(String displayName, String email, Set<Role> roles) {

    public PrincipalChanges {
        var errors = PrincipalRules.errors();
        PrincipalRules.checkDisplayName(errors, displayName);
        PrincipalRules.checkEmail(errors, email);
        PrincipalRules.throwIfAny(errors);
        roles = roles == null ? null : Set.copyOf(roles);
    }

    /** From wire input: unknown role names are reported with their pointer ({@code /roles/0}). */
    public static PrincipalChanges of(String displayName, String email, List<String> roleNames) {
        var errors = PrincipalRules.errors();
        Set<Role> roles = roleNames == null ? null : PrincipalRules.roles(errors, roleNames);
        PrincipalRules.checkDisplayName(errors, displayName);
        PrincipalRules.checkEmail(errors, email);
        PrincipalRules.throwIfAny(errors);
        return new PrincipalChanges(displayName, email, roles);
    }
}
