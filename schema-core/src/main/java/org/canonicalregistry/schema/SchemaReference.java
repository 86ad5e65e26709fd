package org.canonicalregistry.schema;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to another entity's exact schema version: {@code urn:canonical:<entity>:<major>.<minor>}.
 *
 * @param entity lower-kebab name, {@code ^[a-z][a-z0-9]*(-[a-z0-9]+)*$}, at most 64 characters
 * @param major  non-negative
 * @param minor  non-negative
 */
public record SchemaReference(String entity, int major, int minor) {

  /** URI prefix of every registry reference. */
  public static final String PREFIX = "urn:canonical:";
  static final int MAX_ENTITY_LENGTH = 64;
  private static final Pattern ENTITY = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
  // Digits without leading zeros so that one version has exactly one spelling.
  private static final Pattern URN = Pattern.compile(
      "urn:canonical:([a-z][a-z0-9]*(?:-[a-z0-9]+)*):(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})(#.*)?");

  public SchemaReference {
    Objects.requireNonNull(entity, "entity");
    if (entity.length() > MAX_ENTITY_LENGTH || !ENTITY.matcher(entity).matches()) {
      throw new IllegalArgumentException("entity name '" + entity
          + "' must be lower-kebab ^[a-z][a-z0-9]*(-[a-z0-9]+)*$ with at most 64 characters");
    }
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("version must be non-negative, was " + major + "." + minor);
    }
  }

  /** @return {@code urn:canonical:<entity>:<major>.<minor>} without fragment */
  public URI uri() {
    return URI.create(PREFIX + entity + ":" + major + "." + minor);
  }

  /** @return {@code entity@major.minor}, the form used in messages */
  @Override
  public String toString() {
    return entity + "@" + major + "." + minor;
  }

  /**
   * Parses a {@code $ref} value. A fragment ({@code #/...}) is allowed and ignored here.
   *
   * @param ref may be null
   * @return the reference, or empty when {@code ref} is not a well-formed registry reference
   */
  public static Optional<SchemaReference> parse(String ref) {
    if (ref == null || !ref.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Matcher m = URN.matcher(ref);
    if (!m.matches() || m.group(1).length() > MAX_ENTITY_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(new SchemaReference(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }
}
