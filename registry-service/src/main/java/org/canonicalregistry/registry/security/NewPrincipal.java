package org.canonicalregistry.registry.security;

import java.util.List;
import java.util.Set;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * A principal to create. Construction validates every field and throws one VALIDATION_FAILED
 * {@link RegistryException} listing each broken rule with its pointer ({@code /name}, {@code /roles/1}…).
 *
 * @param name required; letters, digits, {@code . _ @ -}, at most 128 characters, not {@code me}
 * @param displayName null means the name
 * @param email may be null
 * @param roles never null after construction; possibly empty
 */
public record NewPrincipal(String name, String displayName, String email, Set<Role> roles) {

    public NewPrincipal {
        var errors = PrincipalRules.errors();
        PrincipalRules.checkName(errors, name);
        PrincipalRules.checkDisplayName(errors, displayName);
        PrincipalRules.checkEmail(errors, email);
        PrincipalRules.throwIfAny(errors);
        displayName = displayName == null ? name : displayName;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** From wire input: role names are checked here, so an unknown one is reported with its pointer. */
    public static NewPrincipal of(String name, String displayName, String email, List<String> roleNames) {
        var errors = PrincipalRules.errors();
        Set<Role> roles = PrincipalRules.roles(errors, roleNames);
        PrincipalRules.checkName(errors, name);
        PrincipalRules.checkDisplayName(errors, displayName);
        PrincipalRules.checkEmail(errors, email);
        PrincipalRules.throwIfAny(errors);
        return new NewPrincipal(name, displayName, email, roles);
    }
}
