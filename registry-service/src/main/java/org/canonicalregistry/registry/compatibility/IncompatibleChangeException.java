package org.canonicalregistry.registry.compatibility;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.canonicalregistry.registry.api.model.CompatibilityChange;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;

/**
 * A new version breaks its entity's compatibility mode inside the major line it would join
 * ({@link ProblemType#INCOMPATIBLE_CHANGE}, 409). The problem carries {@code entity}, {@code version} (the number it
 * would have got), {@code mode}, {@code policy}, {@code checkedAgainst}, every {@code changes} entry and every
 * confirmed {@code witnesses} entry, in the shapes of the contract's {@code CompatibilityChange} and
 * {@code CompatibilityWitness}.
 */
class IncompatibleChangeException extends RegistryException {

    private static final long serialVersionUID = 1L;

    private IncompatibleChangeException(String detail, Map<String, Object> extensions) {
        super(ProblemType.INCOMPATIBLE_CHANGE, detail, extensions);
    }

    static IncompatibleChangeException of(String entity, String version, CompatibilityVerdict verdict) {
        return of(entity, version, verdict, "propose it without targetMajor to open a new major line.");
    }

    /** As {@link #of(String, String, CompatibilityVerdict)}, ending the detail with {@code remedy}. */
    static IncompatibleChangeException of(String entity, String version, CompatibilityVerdict verdict, String remedy) {
        List<CompatibilityChange> changes = CompatibilityRepresentation.changes(verdict);
        List<CompatibilityChange> breaking = changes.stream().filter(CompatibilityChange::getBreaking).toList();
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("entity", entity);
        ext.put("version", version);
        ext.put("mode", verdict.report().mode().name());
        ext.put("policy", verdict.report().policy().name());
        ext.put("checkedAgainst", verdict.checkedAgainst());
        ext.put("changes", changes);
        ext.put("witnesses", CompatibilityRepresentation.witnesses(verdict));
        String first = breaking.isEmpty() ? "" : " First, against " + breaking.get(0).getAgainst() + ": "
                + breaking.get(0).getMessage();
        String detail = "The schema for entity " + quoted(entity) + " would be version " + version + " but breaks "
                + verdict.report().mode() + " (" + verdict.report().policy() + ") with " + breaking.size()
                + " breaking change(s); " + remedy + first;
        return new IncompatibleChangeException(detail, ext);
    }
}
