package org.canonicalregistry.registry.compatibility;

import java.util.ArrayList;
import java.util.List;

import org.canonicalregistry.registry.api.model.BreakDirection;
import org.canonicalregistry.registry.api.model.CompatibilityChange;
import org.canonicalregistry.registry.api.model.CompatibilityResult;
import org.canonicalregistry.registry.api.model.CompatibilityWitness;
import org.canonicalregistry.schema.compat.Breaks;
import org.canonicalregistry.schema.compat.CompatibilityReport;
import org.canonicalregistry.schema.compat.JudgedChange;
import org.canonicalregistry.schema.compat.SchemaChange;
import org.canonicalregistry.schema.compat.VersionResult;
import org.canonicalregistry.schema.compat.WitnessSearch;

import tools.jackson.core.JsonPointer;

/**
 * Converts schema-core's compatibility report to the contract's {@code CompatibilityResult}. Every change of every
 * checked version is listed (with {@code breaking} saying whether it breaks the requested mode); confirmed
 * witnesses name their sides with the caller's labels ({@code old}, {@code previous[i]}, {@code candidate}).
 */
final class CompatibilityRepresentation {

    static final String CANDIDATE = "candidate";

    private CompatibilityRepresentation() {
    }

    /**
     * @param labels the label of each earlier schema, in the order they were passed to the engine
     */
    static CompatibilityResult toApi(CompatibilityReport report, List<String> labels) {
        List<CompatibilityChange> changes = new ArrayList<>();
        List<CompatibilityWitness> witnesses = new ArrayList<>();
        List<String> checkedAgainst = new ArrayList<>();
        for (VersionResult version : report.versions()) {
            String earlier = labels.get(version.versionIndex());
            checkedAgainst.add(earlier);
            for (JudgedChange judged : version.changes()) {
                SchemaChange change = judged.change();
                changes.add(new CompatibilityChange()
                        .type(change.kind().name())
                        .oldPointer(pointer(change.oldPointer()))
                        .newPointer(pointer(change.newPointer()))
                        .breaks(direction(judged.breaks()))
                        .breaking(report.mode().violatedBy(judged.breaks()))
                        .message(judged.sentence()));
                for (WitnessSearch search : judged.witnesses()) {
                    if (search instanceof WitnessSearch.Confirmed confirmed) {
                        var witness = confirmed.witness();
                        witnesses.add(new CompatibilityWitness()
                                .changeType(change.kind().name())
                                .pointer(pointer(change.newPointer() != null ? change.newPointer() : change.oldPointer()))
                                .instance(witness.instance())
                                .acceptedBy("old".equals(witness.acceptedBy()) ? earlier : CANDIDATE)
                                .rejectedBy("old".equals(witness.rejectedBy()) ? earlier : CANDIDATE)
                                .description(change.sentence()));
                    }
                }
            }
        }
        return new CompatibilityResult()
                .compatible(report.compatible())
                .mode(org.canonicalregistry.registry.api.model.CompatibilityMode.fromValue(report.mode().name()))
                .policy(org.canonicalregistry.registry.api.model.CompatibilityPolicy.fromValue(report.policy().name()))
                .changes(changes)
                .witnesses(witnesses)
                .checkedAgainst(checkedAgainst);
    }

    private static String pointer(JsonPointer pointer) {
        return pointer == null ? null : pointer.toString();
    }

    private static BreakDirection direction(Breaks breaks) {
        return breaks == Breaks.NEITHER ? BreakDirection.NONE : BreakDirection.fromValue(breaks.name());
    }
}
