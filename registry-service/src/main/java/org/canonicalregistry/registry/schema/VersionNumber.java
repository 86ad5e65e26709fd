package org.canonicalregistry.registry.schema;

/** A {@code MAJOR.MINOR} pair, ordered numerically. */
record VersionNumber(int major, int minor) implements Comparable<VersionNumber> {

    static final VersionNumber FIRST = new VersionNumber(1, 0);

    @Override
    public int compareTo(VersionNumber o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
