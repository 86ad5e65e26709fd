package org.canonicalregistry.registry.problem;

import java.util.Objects;

/**
 * One rule broken by one input field, reported in the {@code errors} extension of a problem.
 *
 * @param pointer JSON pointer (RFC 6901) of the offending field in the request, e.g. {@code /name}; never null
 * @param message what is wrong, naming the rule or the limit; never null
 */
public record InvalidField(String pointer, String message) {
    public InvalidField {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }
}
