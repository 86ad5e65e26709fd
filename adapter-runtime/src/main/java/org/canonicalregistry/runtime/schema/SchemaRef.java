package org.canonicalregistry.runtime.schema;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an envelope's {@code dataschema} names: an exact version or a global id. Accepted spellings:
 * {@code customer@2.3}, {@code urn:canonical:customer:2.3} and {@code urn:canonical:schemas:17}. There is no
 * {@code latest}: a message always states the version it was written against.
 */
public sealed interface SchemaRef permits SchemaRef.ByVersion, SchemaRef.ById {

  /** @param entity entity name; major, minor the exact version */
  record ByVersion(String entity, int major, int minor) implements SchemaRef {
    public ByVersion {
      Objects.requireNonNull(entity, "entity");
    }

    @Override
    public String toString() {
      return entity + "@" + major + "." + minor;
    }
  }

  /** @param globalId the registry's global id */
  record ById(long globalId) implements SchemaRef {
    @Override
    public String toString() {
      return "urn:canonical:schemas:" + globalId;
    }
  }

  /**
   * Entity names exactly as the registry allows them (lower-kebab, at most 64 characters, as schema-core's
   * SchemaReference); versions without leading zeros.
   */
  Pattern AT_FORM = Pattern.compile("([a-z][a-z0-9]*(?:-[a-z0-9]+)*)@(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
  Pattern URN_FORM = Pattern.compile(
      "urn:canonical:([a-z][a-z0-9]*(?:-[a-z0-9]+)*):(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
  Pattern ID_FORM = Pattern.compile("urn:canonical:schemas:([1-9][0-9]{0,17})");

  /**
   * @param dataschema the attribute's value, may be null
   * @return the reference, or empty when the value is none of the accepted spellings
   */
  static Optional<SchemaRef> parse(String dataschema) {
    if (dataschema == null || dataschema.length() > 200) {
      return Optional.empty();
    }
    Matcher id = ID_FORM.matcher(dataschema);
    if (id.matches()) {
      return Optional.of(new ById(Long.parseLong(id.group(1))));
    }
    Matcher m = AT_FORM.matcher(dataschema);
    if (!m.matches()) {
      m = URN_FORM.matcher(dataschema);
      if (!m.matches() || dataschema.startsWith("urn:canonical:schemas:")) {
        return Optional.empty();
      }
    }
    if (m.group(1).length() > 64) {
      return Optional.empty();
    }
    return Optional.of(new ByVersion(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }
}
