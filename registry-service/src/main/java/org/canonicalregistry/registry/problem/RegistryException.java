package org.canonicalregistry.registry.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Root of the registry's exception family. Every failure the registry reports to a caller is one of these:
 * it carries a {@link ProblemType} (type URI, status, title), a detail message naming the offending input
 * (and the pointer or limit where there is one) and immutable extension properties that become members of the
 * RFC 9457 problem document (e.g. {@code errors}: a list of {@link InvalidField}, {@code limit}: a number).
 * One {@code @RestControllerAdvice} turns it into {@code application/problem+json}.
 */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType problemType;
    private final transient Map<String, Object> extensions;

    /**
     * @param problemType never null
     * @param detail human-readable explanation specific to this occurrence; never null
     * @param extensions extra problem members; copied, insertion order kept; values must be JSON-serialisable
     * @param cause may be null
     */
    public RegistryException(ProblemType problemType, String detail, Map<String, ?> extensions, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.problemType = Objects.requireNonNull(problemType, "problemType");
        this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public RegistryException(ProblemType problemType, String detail, Map<String, ?> extensions) {
        this(problemType, detail, extensions, null);
    }

    public RegistryException(ProblemType problemType, String detail) {
        this(problemType, detail, Map.of(), null);
    }

    /** A {@link ProblemType#VALIDATION_FAILED} problem listing every broken field rule. */
    public static RegistryException validationFailed(List<InvalidField> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one error");
        }
        String detail = errors.size() == 1
                ? errors.get(0).pointer() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; first " + errors.get(0).pointer() + ": " + errors.get(0).message();
        return new RegistryException(ProblemType.VALIDATION_FAILED, detail, Map.of("errors", List.copyOf(errors)));
    }

    /** A {@link ProblemType#MALFORMED_REQUEST} problem. */
    public static RegistryException malformed(String detail) {
        return new RegistryException(ProblemType.MALFORMED_REQUEST, detail);
    }

    /**
     * Echoes caller input into a detail message safely: control characters escaped, at most 80 code points
     * (then "…"), wrapped in single quotes. Null becomes {@code null}.
     */
    public static String quoted(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        input.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (input.codePointCount(0, input.length()) > 80) {
            out.append('…');
        }
        return out.append('\'').toString();
    }

    /** The problem this exception reports; never null. */
    public ProblemType problemType() {
        return problemType;
    }

    /** Same as {@link #getMessage()}: the problem's {@code detail}. */
    public String detail() {
        return getMessage();
    }

    /** Extra problem members, unmodifiable, possibly empty; never null. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
