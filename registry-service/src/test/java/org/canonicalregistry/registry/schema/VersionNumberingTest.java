package org.canonicalregistry.registry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

class VersionNumberingTest {

    private final VersionNumbering numbering = new VersionNumbering();

    @Example
    void firstVersionIsOnePointZeroWhateverIsAsked() {
        assertThat(numbering.next(List.of(), false)).isEqualTo(new VersionNumber(1, 0));
        assertThat(numbering.next(List.of(), true)).isEqualTo(new VersionNumber(1, 0));
    }

    @Provide
    Arbitrary<Set<VersionNumber>> existing() {
        Arbitrary<VersionNumber> one = Arbitraries.integers().between(1, 50)
                .flatMap(major -> Arbitraries.integers().between(0, 50).map(minor -> new VersionNumber(major, minor)));
        return one.set().ofMinSize(1).ofMaxSize(30);
    }

    @Property
    void nextIsNewAndAboveEveryExistingVersion(@ForAll("existing") Set<VersionNumber> existing, @ForAll boolean newMajor) {
        VersionNumber next = numbering.next(existing, newMajor);

        assertThat(existing).doesNotContain(next);
        assertThat(next).isGreaterThan(Collections.max(existing));
    }

    @Property
    void minorStaysInTheHighestMajorAndNewMajorStartsAtZero(@ForAll("existing") Set<VersionNumber> existing) {
        VersionNumber highest = Collections.max(existing);

        assertThat(numbering.next(existing, false)).isEqualTo(new VersionNumber(highest.major(), highest.minor() + 1));
        assertThat(numbering.next(existing, true)).isEqualTo(new VersionNumber(highest.major() + 1, 0));
    }
}
