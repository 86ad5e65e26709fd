package org.canonicalregistry.registry.schema;

import java.util.Objects;

/**
 * Outcome of {@link SchemaVersionService#register}: a new version, or the existing version with identical
 * canonical content (registration is idempotent: same global id, nothing written).
 */
public sealed interface RegistrationResult permits RegistrationResult.Created, RegistrationResult.AlreadyRegistered {

    /** The version this registration resolved to; never null. */
    SchemaVersion version();

    /** A new version was stored (HTTP 201). */
    record Created(SchemaVersion version) implements RegistrationResult {
        public Created {
            Objects.requireNonNull(version, "version");
        }
    }

    /** The entity already has a version with the same fingerprint (HTTP 200); nothing was written. */
    record AlreadyRegistered(SchemaVersion version) implements RegistrationResult {
        public AlreadyRegistered {
            Objects.requireNonNull(version, "version");
        }
    }
}
