package org.canonicalregistry.schema;

import java.util.List;
import java.util.Objects;

/**
 * The one exception family of schema-core: a schema or instance document was refused.
 *
 * <p>Every rejection carries a machine-readable {@link Reason}, the JSON pointer (RFC 6901) of the
 * offending location in the submitted document ({@code ""} for the whole document) and a message that
 * names the input, the pointer and the limit or rule that was hit. {@link #details()} lists further
 * findings (for example every meta-schema violation), never {@code null}.
 */
public final class SchemaRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a document was refused; stable names, part of the REST error contract. */
  public enum Reason {
    /** Not well-formed JSON, duplicate object keys or trailing content. */
    MALFORMED_JSON,
    /** The bytes are not valid UTF-8. */
    INVALID_UTF8,
    /** The document exceeds the configured byte limit. */
    TOO_LARGE,
    /** The document nests objects/arrays deeper than the configured limit. */
    TOO_DEEP,
    /** The schema breaks the meta-schema or a structural rule (unresolvable local ref, ref cycle). */
    INVALID_SCHEMA,
    /** A reference or {@code $schema} would need a fetch from outside the registry. */
    REMOTE_REFERENCE,
    /** A registry reference names an entity version the resolver does not know. */
    UNKNOWN_REFERENCE,
    /** A keyword outside the canonical profile (see docs/canonical-profile.md). */
    KEYWORD_OUTSIDE_PROFILE,
    /** A regular expression the linear-time engine (RE2J) cannot run. */
    UNSAFE_PATTERN
  }

  private final Reason reason;
  private final String pointer;
  private final List<String> details;

  /**
   * @param reason  why; not null
   * @param pointer JSON pointer of the offending location, {@code ""} for the whole document; not null
   * @param message human sentence naming input, pointer and limit; not null
   * @param details further findings; not null (copied)
   */
  public SchemaRejectedException(Reason reason, String pointer, String message, List<String> details) {
    super(Objects.requireNonNull(message, "message"));
    this.reason = Objects.requireNonNull(reason, "reason");
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.details = List.copyOf(details);
  }

  public SchemaRejectedException(Reason reason, String pointer, String message) {
    this(reason, pointer, message, List.of());
  }

  SchemaRejectedException(Reason reason, String pointer, String message, Throwable cause) {
    this(reason, pointer, message, List.of());
    initCause(cause);
  }

  /** @return why the document was refused; never null */
  public Reason reason() {
    return reason;
  }

  /** @return JSON pointer of the offending location; {@code ""} means the whole document */
  public String pointer() {
    return pointer;
  }

  /** @return further findings, immutable, possibly empty */
  public List<String> details() {
    return details;
  }
}
