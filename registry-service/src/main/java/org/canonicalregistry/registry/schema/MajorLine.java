package org.canonicalregistry.registry.schema;

import java.util.List;
import java.util.Objects;

/**
 * The major line a new version of an entity joins, as registration sees it: the number the new version would get and
 * the earlier versions of that line it is judged against.
 *
 * <p>Which versions count: every version of the same major that is PUBLISHED or DEPRECATED (a deprecated version is
 * still live until its sunset, so data written under it is still read). RETIRED versions do not count: retiring is the
 * owners' statement that nothing written under that version is read any more, and it is the only way out of a
 * mistaken version without opening a new major line. A new major line ({@code nextMinor == 0}) has no earlier
 * versions: compatibility is enforced inside a major line only.
 *
 * @param entity entity name; never null
 * @param major the major of the new version; at least 1
 * @param nextMinor the minor the new version would get; 0 opens the line
 * @param earlierVersions the versions that count, oldest first; never null, empty when the line is new
 */
public record MajorLine(String entity, int major, int nextMinor, List<SchemaVersion> earlierVersions) {

    public MajorLine {
        Objects.requireNonNull(entity, "entity");
        earlierVersions = List.copyOf(earlierVersions);
        if (major < 1 || nextMinor < 0) {
            throw new IllegalArgumentException("version " + major + "." + nextMinor + " is out of range");
        }
    }

    /** {@code "M.m"} of the version a registration would create now, e.g. {@code "2.4"}. */
    public String nextVersion() {
        return major + "." + nextMinor;
    }
}
