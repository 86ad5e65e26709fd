package org.canonicalregistry.registry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on the schemas callers submit ({@code registry.limits.*}). They feed schema-core's {@code SchemaLimits}:
 * {@link #maxSchemaBytes} bounds a schema; validated payloads get schema-core's instance bound (the larger of this
 * and 1 MiB). The cap on whole request bodies is a separate setting of the web layer
 * ({@code registry.limits.max-request-bytes}, {@code web.RequestLimits}).
 *
 * @param maxSchemaBytes largest schema accepted, default 256 KiB
 * @param maxDepth deepest nesting of JSON arrays/objects accepted in a schema or payload, default 64
 */
@ConfigurationProperties("registry.limits")
public record RegistryLimits(@DefaultValue("256KB") DataSize maxSchemaBytes, @DefaultValue("64") int maxDepth) {

    public RegistryLimits {
        if (maxSchemaBytes.toBytes() < 1 || maxSchemaBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("registry.limits.max-schema-bytes must be between 1 B and 2 GB, was " + maxSchemaBytes);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("registry.limits.max-depth must be at least 1, was " + maxDepth);
        }
    }

    /** {@link #maxSchemaBytes} as an int. */
    public int maxBytes() {
        return (int) maxSchemaBytes.toBytes();
    }
}
