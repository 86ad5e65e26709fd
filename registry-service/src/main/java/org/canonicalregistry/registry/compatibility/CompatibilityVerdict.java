package org.canonicalregistry.registry.compatibility;

import java.util.List;
import java.util.Objects;
import org.canonicalregistry.schema.compat.CompatibilityReport;
import org.canonicalregistry.schema.compat.VersionResult;

/**
 * The engine's report together with the names callers know the compared schemas by.
 *
 * @param report the engine's report; never null
 * @param earlierLabels one label per earlier schema passed to the engine, in the same order (a version {@code "1.2"},
 *                      {@code "old"} or {@code "previous[0]"}); never null
 * @param candidateLabel the candidate's label, {@code "candidate"}; never null
 */
record CompatibilityVerdict(CompatibilityReport report, List<String> earlierLabels, String candidateLabel) {

    static final String CANDIDATE = "candidate";

    CompatibilityVerdict {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(candidateLabel, "candidateLabel");
        earlierLabels = List.copyOf(earlierLabels);
        for (VersionResult v : report.versions()) {
            if (v.versionIndex() >= earlierLabels.size()) {
                throw new IllegalArgumentException("no label for earlier schema #" + v.versionIndex());
            }
        }
    }

    boolean compatible() {
        return report.compatible();
    }

    /** The label of the earlier schema a per-version result is about. */
    String labelOf(VersionResult result) {
        return earlierLabels.get(result.versionIndex());
    }

    /** What the candidate was actually compared with, oldest first (nothing for NONE or an empty line). */
    List<String> checkedAgainst() {
        return report.versions().stream().map(this::labelOf).toList();
    }
}
