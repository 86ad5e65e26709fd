package org.canonicalregistry.registry.compatibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.canonicalregistry.registry.api.CompatibilityApi;
import org.canonicalregistry.registry.api.model.CompatibilityCheckRequest;
import org.canonicalregistry.registry.api.model.CompatibilityResult;
import org.canonicalregistry.registry.api.model.EntityCompatibilityRequest;
import org.canonicalregistry.registry.api.model.JsonSchemaDraft;
import org.canonicalregistry.registry.problem.InvalidField;
import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.registry.problem.SchemaRejectedProblem;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaRejectedException;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.canonicalregistry.schema.compat.CompatibilityReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v1/compatibility/check}: schema-core's compatibility engine over schemas given in the request,
 * nothing stored. Every schema is first compiled by the registry's {@link SchemaEngine} (never fetching, bounded
 * regex), so a remote or unknown {@code $ref} is a {@code 422 schema-rejected} naming where it sits in the request.
 *
 * <p>{@code POST /api/v1/entities/{name}/compatibility} must run exactly the check registration runs; registration
 * does not check compatibility yet, so that operation answers {@code 501} (a problem) rather than a verdict the
 * registry would not enforce.
 */
@RestController
class CompatibilityController implements CompatibilityApi {

    private final SchemaEngine schemas;

    CompatibilityController(SchemaEngine schemas) {
        this.schemas = schemas;
    }

    @Override
    public ResponseEntity<CompatibilityResult> checkCompatibility(CompatibilityCheckRequest request) {
        boolean hasOld = present(request.getOld());
        boolean hasPrevious = request.getPrevious() != null && !request.getPrevious().isEmpty();
        if (hasOld == hasPrevious) {
            throw RegistryException.validationFailed(List.of(new InvalidField(hasOld ? "/previous" : "/old",
                    "exactly one of 'old' and 'previous' must be given")));
        }
        if (!present(request.getCandidate())) {
            throw RegistryException.validationFailed(List.of(new InvalidField("/candidate", "is required")));
        }
        SpecificationVersion draft = draft(request.getDraft());
        List<JsonNode> earlier = hasOld ? List.of(request.getOld()) : request.getPrevious();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            String label = hasOld ? "old" : "previous[" + i + "]";
            labels.add(label);
            loadable(earlier.get(i), draft, hasOld ? "/old" : "/previous/" + i);
        }
        loadable(request.getCandidate(), draft, "/candidate");

        CompatibilityMode mode = request.getMode() == null ? CompatibilityMode.BACKWARD
                : CompatibilityMode.valueOf(request.getMode().getValue());
        CompatibilityPolicy policy = request.getPolicy() == null ? CompatibilityPolicy.STRICT
                : CompatibilityPolicy.valueOf(request.getPolicy().getValue());
        CompatibilityEngine engine = CompatibilityEngine.builder().schemaEngine(schemas).defaultDraft(draft).build();
        CompatibilityReport report = engine.check(mode, policy, request.getCandidate(), earlier);
        return ResponseEntity.ok(CompatibilityRepresentation.toApi(report, labels));
    }

    @Override
    public ResponseEntity<CompatibilityResult> checkEntityCompatibility(String name,
            EntityCompatibilityRequest request) {
        ErrorResponseException ex = new ErrorResponseException(HttpStatus.NOT_IMPLEMENTED);
        ex.setDetail("Checking against an entity's registered versions is not available yet: registration does not "
                + "enforce compatibility in this build, and this check must be exactly the one registration runs.");
        throw ex;
    }

    /** Compiles the schema as the engine will read it; a schema-core refusal names the member of the request. */
    private void loadable(JsonNode schema, SpecificationVersion draft, String member) {
        try {
            schemas.compile(withDraft(schema, draft));
        } catch (SchemaRejectedException e) {
            throw SchemaRejectedProblem.of(ProblemType.SCHEMA_REJECTED, "schema " + member, e, null);
        }
    }

    private static JsonNode withDraft(JsonNode schema, SpecificationVersion draft) {
        if (draft == SpecificationVersion.DRAFT_2020_12 || !schema.isObject() || schema.has("$schema")) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.put("$schema", draft.getDialectId());
        return copy;
    }

    private static SpecificationVersion draft(JsonSchemaDraft draft) {
        if (draft == null) {
            return SpecificationVersion.DRAFT_2020_12;
        }
        Map<JsonSchemaDraft, SpecificationVersion> drafts = Map.of(
                JsonSchemaDraft.DRAFT_04, SpecificationVersion.DRAFT_4,
                JsonSchemaDraft.DRAFT_06, SpecificationVersion.DRAFT_6,
                JsonSchemaDraft.DRAFT_07, SpecificationVersion.DRAFT_7,
                JsonSchemaDraft._2019_09, SpecificationVersion.DRAFT_2019_09,
                JsonSchemaDraft._2020_12, SpecificationVersion.DRAFT_2020_12);
        return drafts.get(draft);
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }
}
