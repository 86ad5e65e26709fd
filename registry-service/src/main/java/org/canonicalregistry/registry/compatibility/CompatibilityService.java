package org.canonicalregistry.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.canonicalregistry.registry.RegistryLimits;
import org.canonicalregistry.registry.entity.Entity;
import org.canonicalregistry.registry.entity.EntityService;
import org.canonicalregistry.registry.problem.EntityNotFoundException;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.SchemaRejectedProblem;
import org.canonicalregistry.registry.schema.MajorLine;
import org.canonicalregistry.registry.schema.SchemaVersion;
import org.canonicalregistry.registry.schema.SchemaVersionService;
import org.canonicalregistry.schema.CanonicalSchema;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaRejectedException;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.canonicalregistry.schema.compat.CompatibilityReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compatibility checks that store nothing: stateless (schemas given by the caller) and against an entity's registered
 * versions (exactly the check registration runs). Thread-safe.
 *
 * <p>Stateless schemas may be of any supported draft and are not held to the canonical profile, but each one is bounded
 * (bytes, nesting depth), compiled by the registry's {@link SchemaEngine} (remote references refused, registry
 * references resolved only from the store, unsafe patterns refused) before the engine diffs it, so a hostile schema
 * fails fast with a precise {@code schema-rejected} problem naming the request pointer. Compiling and judging run under
 * the {@link CheckBudget}.
 */
@Service
class CompatibilityService {

    private final CompatibilityEngine engine;
    private final SchemaEngine schemas;
    private final MajorLineGate gate;
    private final CheckBudget budget;
    private final SchemaVersionService versions;
    private final EntityService entities;
    private final RegistryLimits limits;
    private final JsonMapper json;

    CompatibilityService(CompatibilityEngine engine, SchemaEngine schemas, MajorLineGate gate, CheckBudget budget,
                         SchemaVersionService versions, EntityService entities, RegistryLimits limits, JsonMapper json) {
        this.budget = budget;
        this.engine = engine;
        this.schemas = schemas;
        this.gate = gate;
        this.versions = versions;
        this.entities = entities;
        this.limits = limits;
        this.json = json;
    }

    /** One schema of a stateless request and where it sits in the request body. */
    record Submitted(String label, String pointer, JsonNode schema) {
    }

    /**
     * Compares {@code candidate} with {@code earlierOldestFirst}.
     *
     * @param draftUri the {@code $schema} to assume for object schemas without one, or null for 2020-12
     * @throws SchemaRejectedProblem SCHEMA_REJECTED naming the request pointer of the first bad schema
     */
    public CompatibilityVerdict check(CompatibilityMode mode, CompatibilityPolicy policy, Submitted candidate,
                                      List<Submitted> earlierOldestFirst, String draftUri) {
        // Compiling is part of the cost a hostile request can drive up, so it runs inside the budget too.
        CompatibilityReport report = budget.run("request's schemas",
                () -> compare(mode, policy, candidate, earlierOldestFirst, draftUri));
        return new CompatibilityVerdict(report, earlierOldestFirst.stream().map(Submitted::label).toList(),
                candidate.label());
    }

    private CompatibilityReport compare(CompatibilityMode mode, CompatibilityPolicy policy, Submitted candidate,
                                        List<Submitted> earlierOldestFirst, String draftUri) {
        List<JsonNode> earlier = new ArrayList<>();
        for (Submitted s : earlierOldestFirst) {
            earlier.add(admitted(s, draftUri));
        }
        JsonNode cand = admitted(candidate, draftUri);
        try {
            return engine.check(mode, policy, cand, earlier);
        } catch (SchemaRejectedException e) {
            // Only $schema problems surface here: everything else was refused by compile() above.
            throw SchemaRejectedProblem.of(ProblemType.SCHEMA_REJECTED, "a schema of the request", e, limitFor(e));
        }
    }

    /**
     * The check a proposal (and its publication) runs for this schema (entity's own mode and policy, the line it
     * would join, none with {@code newMajor}), storing nothing. Content identical to a registered version is not
     * compared at all (a proposal of it is refused naming that version): the verdict says {@code registeredAs}.
     *
     * @throws EntityNotFoundException no such entity
     * @throws SchemaRejectedProblem the schema would be refused by a proposal
     */
    @Transactional(readOnly = true)
    public CompatibilityVerdict checkEntity(String name, JsonNode schema, boolean newMajor) {
        Entity entity = entities.get(name);
        CanonicalSchema candidate = versions.loadCandidate(name, schema);
        // Identical content is decided before anything is judged: a proposal of it is refused naming the version.
        Optional<SchemaVersion> same = versions.list(name).stream()
                .filter(v -> v.fingerprint().equals(candidate.fingerprint())).findFirst();
        if (same.isPresent()) {
            return CompatibilityVerdict.alreadyRegistered(same.get().version(),
                    CompatibilityMode.valueOf(entity.compatibilityMode().name()),
                    CompatibilityPolicy.valueOf(entity.compatibilityPolicy().name()));
        }
        MajorLine line = versions.lineFor(name, newMajor);
        return gate.judge(entity, candidate, line);
    }

    private JsonNode admitted(Submitted s, String draftUri) {
        JsonNode schema = withDraft(s.schema(), draftUri);
        try {
            int size = json.writeValueAsBytes(schema).length;
            if (size > limits.maxBytes()) {
                throw new SchemaRejectedException(SchemaRejectedException.Reason.TOO_LARGE, "",
                        "schema is " + size + " bytes; the limit is " + limits.maxBytes());
            }
            schemas.compile(schema);
            return schema;
        } catch (SchemaRejectedException e) {
            // Pointers are into the request body, so the caller sees which of its schemas was refused, and where.
            String within = e.pointer() == null ? "" : e.pointer();
            SchemaRejectedException located = new SchemaRejectedException(e.reason(), s.pointer() + within,
                    e.getMessage(), e.details());
            throw SchemaRejectedProblem.of(ProblemType.SCHEMA_REJECTED, "schema " + s.label(), located, limitFor(e));
        }
    }

    private static JsonNode withDraft(JsonNode schema, String draftUri) {
        if (draftUri == null || !schema.isObject() || schema.has("$schema")) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        ObjectNode out = copy.objectNode().put("$schema", draftUri);
        out.setAll(copy);
        return out;
    }

    private Integer limitFor(SchemaRejectedException e) {
        return SchemaRejectedProblem.limitHit(e, limits.maxBytes(), limits.maxDepth());
    }
}
