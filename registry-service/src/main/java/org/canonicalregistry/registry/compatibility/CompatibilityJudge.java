package org.canonicalregistry.registry.compatibility;

import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.schema.MajorLine;
import org.canonicalregistry.schema.CanonicalSchema;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges a proposed schema against the major line it would extend, for change proposals: the same check publication
 * runs, with the result as a document (the contract's {@code CompatibilityResult}) that the proposal keeps as the
 * record of what its approvers were shown. Thread-safe.
 */
@Component
public class CompatibilityJudge {

    /** What the proposed schema is called in changes and witnesses ("accepted by 2.3, rejected by proposed"). */
    public static final String PROPOSED = "proposed";

    private final MajorLineGate gate;
    private final JsonMapper json;

    CompatibilityJudge(MajorLineGate gate, JsonMapper json) {
        this.gate = gate;
        this.json = json;
    }

    /**
     * The verdict for {@code candidate} joining {@code line} under the entity's mode and policy, within the registry's
     * check budget.
     *
     * @throws RegistryException CHECK_TIMED_OUT style problems from the budget, as for registration
     */
    public CompatibilityJudgement judge(Entity entity, CanonicalSchema candidate, MajorLine line) {
        CompatibilityVerdict verdict = gate.judge(entity, candidate, line, PROPOSED);
        return new CompatibilityJudgement(verdict.compatible(),
                json.writeValueAsString(CompatibilityRepresentation.toApi(verdict)),
                () -> IncompatibleChangeException.of(entity.name(), line.nextVersion(), verdict,
                        "it cannot stay in major line " + line.major() + "; propose it without targetMajor (or with "
                                + (line.major() + 1) + ") to open a new major line."));
    }
}
