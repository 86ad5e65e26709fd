package org.canonicalregistry.codegen.lock;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.canonicalregistry.codegen.generator.CodegenException;

/**
 * One {@code entity@version-or-range} selection from the POM: {@code customer} (latest), {@code customer@2} (the
 * latest 2.x) or {@code order@1.3} (exactly).
 *
 * @param entity entity name
 * @param major  the major, or null for the latest
 * @param minor  the minor, or null for the latest of the major
 */
public record Selection(String entity, Integer major, Integer minor) {

  private static final Pattern FORM = Pattern.compile(
      "([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?:@(0|[1-9][0-9]{0,8})(?:\\.(0|[1-9][0-9]{0,8}))?)?");

  public Selection {
    Objects.requireNonNull(entity, "entity");
    if (major == null && minor != null) {
      throw new IllegalArgumentException("a minor needs a major");
    }
  }

  /** @throws CodegenException naming the text and the accepted forms */
  public static Selection parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new CodegenException("selection '" + text + "' is not one of entity, entity@MAJOR, entity@MAJOR.MINOR"
          + " (e.g. customer@2, order@1.3)");
    }
    return new Selection(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
        m.group(3) == null ? null : Integer.valueOf(m.group(3)));
  }

  /** The registry's version selector: {@code latest}, {@code 2.latest} or {@code 1.3}. */
  public String selector() {
    return major == null ? "latest" : minor == null ? major + ".latest" : major + "." + minor;
  }

  @Override
  public String toString() {
    return major == null ? entity : minor == null ? entity + "@" + major : entity + "@" + major + "." + minor;
  }
}
