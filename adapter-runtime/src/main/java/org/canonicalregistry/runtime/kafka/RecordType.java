package org.canonicalregistry.runtime.kafka;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;

/**
 * The schema identity a generated entity record carries in its constants {@code ENTITY}, {@code VERSION}
 * ({@code MAJOR.MINOR}), {@code GLOBAL_ID} ({@code -1} when generated from a local folder) and
 * {@code FINGERPRINT}.
 */
record RecordType<T>(Class<T> type, String entity, int major, int minor, long globalId, String fingerprint) {

  static <T> RecordType<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    String entity = (String) constant(type, "ENTITY");
    String version = (String) constant(type, "VERSION");
    long globalId = ((Number) constant(type, "GLOBAL_ID")).longValue();
    String fingerprint = (String) constant(type, "FINGERPRINT");
    String[] parts = version.split("\\.");
    if (parts.length != 2) {
      throw new IllegalArgumentException(type.getName() + ".VERSION is '" + version + "', expected MAJOR.MINOR");
    }
    return new RecordType<>(type, entity, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), globalId,
        fingerprint);
  }

  private static Object constant(Class<?> type, String name) {
    try {
      Field f = type.getField(name);
      if (!Modifier.isStatic(f.getModifiers())) {
        throw new IllegalArgumentException(type.getName() + "." + name + " is not static");
      }
      return f.get(null);
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new IllegalArgumentException(type.getName() + " is not a generated entity record: it lacks the public"
          + " constant " + name + " (ENTITY, VERSION, GLOBAL_ID, FINGERPRINT)", e);
    }
  }

  /** @return what the envelope's dataschema names: the global id when known, else entity@MAJOR.MINOR */
  String dataschema() {
    return globalId > 0 ? "urn:canonical:schemas:" + globalId : entity + "@" + major + "." + minor;
  }

  String label() {
    return entity + "@" + major + "." + minor;
  }
}
