package org.canonicalregistry.registry.entity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * The field rules of an entity, in one place so that create, update and the sample import report the same
 * messages. Each check appends an {@link InvalidField} naming the pointer and the rule; callers throw one
 * {@link RegistryException#validationFailed} with all of them.
 */
final class EntityRules {

    static final int MAX_NAME = 64;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_PRINCIPAL = 128;
    static final int MAX_OWNERS = 50;
    static final Pattern KEBAB = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

    private EntityRules() {
    }

    static void kebab(List<InvalidField> errors, String pointer, String value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new InvalidField(pointer, "is required"));
            }
            return;
        }
        if (value.length() > MAX_NAME) {
            errors.add(new InvalidField(pointer, "is " + value.length() + " characters long; the limit is " + MAX_NAME));
        } else if (!KEBAB.matcher(value).matches()) {
            errors.add(new InvalidField(pointer, printable(value) + " is not lower-kebab-case (" + KEBAB.pattern() + ")"));
        }
    }

    static void description(List<InvalidField> errors, String value) {
        if (value != null && value.length() > MAX_DESCRIPTION) {
            errors.add(new InvalidField("/description", "is " + value.length() + " characters long; the limit is " + MAX_DESCRIPTION));
        }
    }

    static void owners(List<InvalidField> errors, Collection<String> owners) {
        if (owners == null) {
            errors.add(new InvalidField("/owners", "is required (may be empty)"));
            return;
        }
        if (owners.size() > MAX_OWNERS) {
            errors.add(new InvalidField("/owners", "has " + owners.size() + " entries; the limit is " + MAX_OWNERS));
            return;
        }
        int i = 0;
        for (String owner : owners) {
            principal(errors, "/owners/" + i++, owner);
        }
    }

    /** A principal name: 1..128 characters, no control characters, no leading/trailing whitespace. */
    static void principal(List<InvalidField> errors, String pointer, String value) {
        if (value == null || value.isEmpty()) {
            errors.add(new InvalidField(pointer, "must be a non-empty principal name"));
        } else if (value.length() > MAX_PRINCIPAL) {
            errors.add(new InvalidField(pointer, "is " + value.length() + " characters long; the limit is " + MAX_PRINCIPAL));
        } else if (!value.strip().equals(value) || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new InvalidField(pointer, printable(value) + " has leading/trailing whitespace or control characters"));
        }
    }

    /**
     * Checks the fields a new entity and an update share, adding to {@code errors} what the name check found;
     * throws one {@code validation-failed} problem listing every broken rule.
     */
    static void checkMutableFields(List<InvalidField> errors, String domain, String description,
                                   Collection<String> owners, String systemOfRecord) {
        kebab(errors, "/domain", domain, true);
        description(errors, description);
        owners(errors, owners == null ? List.of() : owners);
        kebab(errors, "/systemOfRecord", systemOfRecord, false);
        throwIfAny(errors);
    }

    static void throwIfAny(List<InvalidField> errors) {
        if (!errors.isEmpty()) {
            throw RegistryException.validationFailed(errors);
        }
    }

    static List<InvalidField> errors() {
        return new ArrayList<>();
    }

    static String printable(String value) {
        return RegistryException.quoted(value);
    }
}
