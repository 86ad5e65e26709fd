package org.canonicalregistry.registry.entity;

/**
 * Which earlier versions a new version of an entity's schema must stay compatible with, inside one major line.
 * BACKWARD: new readers read old data; FORWARD: old readers read new data; FULL: both; {@code _TRANSITIVE}:
 * against every earlier version of the major line, not only the latest; NONE: no check.
 */
public enum CompatibilityMode {
    NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

    /** The mode an entity gets when none is given. */
    public static final CompatibilityMode DEFAULT = BACKWARD_TRANSITIVE;
}
