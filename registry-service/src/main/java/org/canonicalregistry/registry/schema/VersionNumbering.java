package org.canonicalregistry.registry.schema;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the number of the next version of an entity. Today: the first version is 1.0; otherwise the next minor of
 * the highest major, or {@code major+1 .0} when the caller asks for a new major. This is the seam where the
 * compatibility verdict will decide MINOR vs MAJOR: it is the only place that knows the numbering rule.
 * Runs while the entity row is locked, so its input is every version that exists.
 */
final class VersionNumbering {

    /**
     * @param existing every version of the entity, all states (numbers of retired versions are never reused)
     * @param newMajor the caller asks to open a new major line
     */
    VersionNumber next(Collection<VersionNumber> existing, boolean newMajor) {
        if (existing.isEmpty()) {
            return VersionNumber.FIRST;
        }
        VersionNumber highest = Collections.max(existing);
        if (newMajor) {
            return new VersionNumber(Math.addExact(highest.major(), 1), 0);
        }
        return new VersionNumber(highest.major(), Math.addExact(highest.minor(), 1));
    }

    /**
     * The line a new version joins and the versions it is judged against (see {@link MajorLine} for which count).
     *
     * @param existing every version of the entity, all states
     */
    MajorLine line(String entity, List<SchemaVersion> existing, boolean newMajor) {
        VersionNumber next = next(existing.stream().map(v -> new VersionNumber(v.major(), v.minor())).toList(), newMajor);
        List<SchemaVersion> earlier = existing.stream()
                .filter(v -> v.major() == next.major() && v.state() != SchemaState.RETIRED)
                .sorted(Comparator.comparingInt(SchemaVersion::minor))
                .toList();
        return new MajorLine(entity, next.major(), next.minor(), earlier);
    }
}
