package org.canonicalregistry.registry.compatibility;

import java.util.List;
import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.schema.CompatibilityGate;
import org.canonicalregistry.registry.schema.MajorLine;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.canonicalregistry.schema.compat.CompatibilityReport;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges a candidate against the major line it joins under the entity's own mode and policy. Registration calls
 * {@link #admit} under the entity lock; the entity compatibility endpoint calls {@link #judge} for the same verdict
 * without storing anything. Thread-safe.
 */
@Component
class MajorLineGate implements CompatibilityGate {

    private final CompatibilityEngine engine;
    private final CheckBudget budget;
    private final JsonMapper json;

    MajorLineGate(CompatibilityEngine engine, CheckBudget budget, JsonMapper json) {
        this.engine = engine;
        this.budget = budget;
        this.json = json;
    }

    @Override
    public void admit(Entity entity, CanonicalSchema candidate, MajorLine line) {
        CompatibilityVerdict verdict = judge(entity, candidate, line);
        if (!verdict.compatible()) {
            throw IncompatibleChangeException.of(entity.name(), line.nextVersion(), verdict);
        }
    }

    /**
     * The verdict for {@code candidate} joining {@code line}; always compatible for a new major line (nothing earlier
     * counts) and for mode NONE.
     */
    CompatibilityVerdict judge(Entity entity, CanonicalSchema candidate, MajorLine line) {
        return judge(entity, candidate, line, CompatibilityVerdict.CANDIDATE);
    }

    /** As {@link #judge(Entity, CanonicalSchema, MajorLine)}, naming the candidate {@code candidateLabel}. */
    CompatibilityVerdict judge(Entity entity, CanonicalSchema candidate, MajorLine line, String candidateLabel) {
        List<SchemaVersion> earlier = line.earlierVersions();
        // Stored content is canonical JSON that passed load(); reading it back cannot fail short of corruption.
        List<JsonNode> schemas = earlier.stream().map(v -> json.readTree(v.canonicalJson())).toList();
        CompatibilityMode mode = CompatibilityMode.valueOf(entity.compatibilityMode().name());
        CompatibilityPolicy policy = CompatibilityPolicy.valueOf(entity.compatibilityPolicy().name());
        CompatibilityReport report = budget.run("schema for entity " + RegistryException.quoted(entity.name()),
                () -> engine.check(mode, policy, candidate.json(), schemas));
        return new CompatibilityVerdict(report, earlier.stream().map(SchemaVersion::version).toList(),
                candidateLabel);
    }
}
