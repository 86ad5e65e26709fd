package org.canonicalregistry.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which versions a new version is judged against: its own major line, oldest first, without RETIRED ones. */
class MajorLineTest {

    private final VersionNumbering numbering = new VersionNumbering();

    @Test
    void aNewMinorIsJudgedAgainstTheLatestMajorLineOldestFirst() {
        List<SchemaVersion> existing = List.of(v(2, 1, SchemaState.PUBLISHED), v(1, 0, SchemaState.PUBLISHED),
                v(2, 0, SchemaState.PUBLISHED), v(1, 1, SchemaState.PUBLISHED));

        MajorLine line = numbering.line("customer", existing, false);

        assertThat(line.nextVersion()).isEqualTo("2.2");
        assertThat(line.earlierVersions()).extracting(SchemaVersion::version).containsExactly("2.0", "2.1");
    }

    @Test
    void retiredVersionsDoNotCountButDeprecatedOnesDoAndNumbersAreNotReused() {
        List<SchemaVersion> existing = List.of(v(1, 0, SchemaState.RETIRED), v(1, 1, SchemaState.DEPRECATED),
                v(1, 2, SchemaState.RETIRED));

        MajorLine line = numbering.line("customer", existing, false);

        assertThat(line.nextVersion()).isEqualTo("1.3");
        assertThat(line.earlierVersions()).extracting(SchemaVersion::version).containsExactly("1.1");
    }

    @Test
    void aNewMajorLineAndTheFirstVersionAreJudgedAgainstNothing() {
        MajorLine opened = numbering.line("customer", List.of(v(1, 0, SchemaState.PUBLISHED)), true);
        MajorLine first = numbering.line("customer", List.of(), false);

        assertThat(opened.nextVersion()).isEqualTo("2.0");
        assertThat(opened.earlierVersions()).isEmpty();
        assertThat(first.nextVersion()).isEqualTo("1.0");
        assertThat(first.earlierVersions()).isEmpty();
    }

    private static SchemaVersion v(int major, int minor, SchemaState state) {
        return new SchemaVersion("customer", major, minor, 100L * major + minor, "{}", "0".repeat(64), state, null, null,
                null, List.of(), Instant.EPOCH, "alice", "");
    }
}
