package org.canonicalregistry.registry.security;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.RegistryException;

/** Field rules shared by {@link NewPrincipal} and {@link PrincipalChanges}: one place, one wording. */
final class PrincipalRules {

    static final int MAX_NAME = 128;
    static final int MAX_DISPLAY_NAME = 200;
    static final int MAX_EMAIL = 254;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");
    /** {@code /api/v1/principals/me} names the caller, so no principal may be called {@code me}. */
    static final String RESERVED = "me";

    private PrincipalRules() {
    }

    static void checkName(List<InvalidField> errors, String name) {
        if (name == null || name.isEmpty()) {
            errors.add(new InvalidField("/name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new InvalidField("/name", "is longer than " + MAX_NAME + " characters"));
        } else if (!NAME.matcher(name).matches()) {
            errors.add(new InvalidField("/name", RegistryException.quoted(name)
                    + " must start with a letter or digit and contain only letters, digits, '.', '_', '@' and '-'"));
        } else if (name.equals(RESERVED)) {
            errors.add(new InvalidField("/name", "'me' is reserved: /api/v1/principals/me names the caller"));
        }
    }

    static void checkDisplayName(List<InvalidField> errors, String displayName) {
        if (displayName != null && (displayName.isBlank() || displayName.length() > MAX_DISPLAY_NAME)) {
            errors.add(new InvalidField("/displayName", "must be 1 to " + MAX_DISPLAY_NAME + " characters, not blank"));
        }
    }

    static void checkEmail(List<InvalidField> errors, String email) {
        if (email != null && (email.length() > MAX_EMAIL || email.indexOf('@') < 1
                || email.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)))) {
            errors.add(new InvalidField("/email", RegistryException.quoted(email)
                    + " is not an email address (local@domain, at most " + MAX_EMAIL + " characters)"));
        }
    }

    /**
     * Role names as sent ({@code ["OWNER","DEVELOPER"]}), case-sensitive. Every unknown name is an error naming its
     * pointer and the accepted names; null means none.
     */
    static Set<Role> roles(List<InvalidField> errors, List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Role role = parse(name);
            if (role == null) {
                errors.add(new InvalidField("/roles/" + i, RegistryException.quoted(name) + " is not a role; roles are "
                        + EnumSet.allOf(Role.class)));
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    private static Role parse(String name) {
        if (name == null) {
            return null;
        }
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    static List<InvalidField> errors() {
        return new ArrayList<>();
    }

    static void throwIfAny(List<InvalidField> errors) {
        if (!errors.isEmpty()) {
            throw RegistryException.validationFailed(errors);
        }
    }

}
