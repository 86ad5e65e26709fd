package org.canonicalregistry.registry.web;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what one HTTP request may carry, bound from {@code registry.limits.*}.
 *
 * <p>{@code registry.limits.max-request-bytes} (default 512 KiB; plain numbers are bytes, {@code 2MB} works too)
 * caps every request body. It is enforced before the body is buffered: a declared {@code Content-Length}
 * over the cap is refused without reading, and a streamed (chunked) body is counted as it is read. The schema
 * engine has its own, smaller bound on a schema's size and depth; this one protects everything else.
 *
 * @param maxRequestBytes the largest accepted request body; positive
 */
@ConfigurationProperties("registry.limits")
public record RequestLimits(@DefaultValue("512KB") DataSize maxRequestBytes) {

    public RequestLimits {
        Objects.requireNonNull(maxRequestBytes, "maxRequestBytes");
        if (maxRequestBytes.toBytes() <= 0 || maxRequestBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "registry.limits.max-request-bytes must be between 1 byte and 2 GiB, was " + maxRequestBytes);
        }
    }

    /** The cap in bytes. */
    public long maxBytes() {
        return maxRequestBytes.toBytes();
    }
}
