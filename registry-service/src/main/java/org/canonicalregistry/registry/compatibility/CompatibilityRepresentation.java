package org.canonicalregistry.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import org.canonicalregistry.registry.api.model.BreakDirection;
import org.canonicalregistry.registry.api.model.CompatibilityChange;
import org.canonicalregistry.registry.api.model.CompatibilityResult;
import org.canonicalregistry.registry.api.model.CompatibilityWitness;
import org.canonicalregistry.schema.compat.Breaks;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.canonicalregistry.schema.compat.JudgedChange;
import org.canonicalregistry.schema.compat.SchemaChange;
import org.canonicalregistry.schema.compat.VersionResult;
import org.canonicalregistry.schema.compat.Witness;
import org.canonicalregistry.schema.compat.WitnessSearch;

/**
 * Maps the engine's results to the contract's shapes, for {@code 200} results and for the members of the
 * {@code incompatible-change} problem alike, so both say the same thing in the same words.
 */
final class CompatibilityRepresentation {

    private CompatibilityRepresentation() {
    }

    static CompatibilityResult toApi(CompatibilityVerdict verdict) {
        return new CompatibilityResult(verdict.compatible(),
                org.canonicalregistry.registry.api.model.CompatibilityMode.valueOf(verdict.report().mode().name()),
                org.canonicalregistry.registry.api.model.CompatibilityPolicy.valueOf(verdict.report().policy().name()),
                changes(verdict), witnesses(verdict), verdict.checkedAgainst());
    }

    /** Every detected change against every checked schema, with {@code breaking} set where the mode is violated. */
    static List<CompatibilityChange> changes(CompatibilityVerdict verdict) {
        CompatibilityMode mode = verdict.report().mode();
        List<CompatibilityChange> out = new ArrayList<>();
        for (VersionResult version : verdict.report().versions()) {
            for (JudgedChange judged : version.changes()) {
                SchemaChange change = judged.change();
                out.add(new CompatibilityChange(change.kind().name(), direction(judged.breaks()),
                        mode.violatedBy(judged.breaks()), judged.sentence())
                        .oldPointer(change.oldPointer().toString())
                        .newPointer(change.newPointer().toString())
                        .against(verdict.labelOf(version)));
            }
        }
        return out;
    }

    /** Every confirmed witness: an instance one side accepts and the other rejects, named by label. */
    static List<CompatibilityWitness> witnesses(CompatibilityVerdict verdict) {
        List<CompatibilityWitness> out = new ArrayList<>();
        for (VersionResult version : verdict.report().versions()) {
            String earlier = verdict.labelOf(version);
            for (JudgedChange judged : version.changes()) {
                for (WitnessSearch search : judged.witnesses()) {
                    if (search instanceof WitnessSearch.Confirmed confirmed) {
                        out.add(witness(judged.change(), confirmed.witness(), earlier, verdict.candidateLabel()));
                    }
                }
            }
        }
        return out;
    }

    private static CompatibilityWitness witness(SchemaChange change, Witness witness, String earlier, String candidate) {
        boolean backward = witness.direction() == Breaks.BACKWARD;
        String acceptedBy = backward ? earlier : candidate;
        String rejectedBy = backward ? candidate : earlier;
        // The pointer names the keyword that rejects the instance, in the schema that rejects it.
        String pointer = (backward ? change.newPointer() : change.oldPointer()).toString();
        return new CompatibilityWitness(change.kind().name(), witness.instance(), acceptedBy, rejectedBy)
                .pointer(pointer)
                .description(acceptedBy + " accepts this instance and " + rejectedBy + " rejects it. "
                        + change.sentence());
    }

    static BreakDirection direction(Breaks breaks) {
        if (breaks == Breaks.NEITHER) {
            return BreakDirection.NONE;
        }
        return BreakDirection.valueOf(breaks.name());
    }

    static CompatibilityMode mode(org.canonicalregistry.registry.api.model.CompatibilityMode mode) {
        return CompatibilityMode.valueOf(mode.name());
    }

    static CompatibilityPolicy policy(org.canonicalregistry.registry.api.model.CompatibilityPolicy policy) {
        return CompatibilityPolicy.valueOf(policy.name());
    }
}
