package org.canonicalregistry.registry.entity;

/** How strictly the compatibility engine judges ambiguous changes (e.g. unknown keywords). */
public enum CompatibilityPolicy {
    STRICT, LENIENT;

    /** The policy an entity gets when none is given. */
    public static final CompatibilityPolicy DEFAULT = STRICT;
}
