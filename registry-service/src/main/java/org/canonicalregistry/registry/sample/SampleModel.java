package org.canonicalregistry.registry.sample;

import java.util.Objects;
import java.util.Set;

/**
 * One sample entity found on the classpath: its name (from the file name), the schema bytes and the entities its
 * {@code urn:canonical:} references point to (which must be imported first).
 */
record SampleModel(String entity, String file, byte[] schema, Set<String> dependsOn) {
    SampleModel {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(file, "file");
        schema = schema.clone();
        dependsOn = Set.copyOf(dependsOn);
    }

    @Override
    public byte[] schema() {
        return schema.clone();
    }
}
