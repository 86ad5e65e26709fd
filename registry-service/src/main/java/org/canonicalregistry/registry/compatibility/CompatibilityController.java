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
import org.canonicalregistry.registry.problem.RegistryException;
import org.canonicalregistry.schema.compat.CompatibilityMode;
import org.canonicalregistry.schema.compat.CompatibilityPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/compatibility/check} (stateless) and {@code POST /api/v1/entities/{name}/compatibility}
 * (against an entity's registered versions). Neither stores anything; an incompatible verdict is a {@code 200} with
 * {@code compatible: false}. Bad requests are problems: {@code validation-failed} for the request's shape (exactly
 * one of {@code old} / {@code previous}, schemas must be objects or booleans), {@code schema-rejected} for a schema
 * that is too large, too deep, refers outside the registry or cannot be compiled.
 */
@RestController
class CompatibilityController implements CompatibilityApi {

    /** {@code $schema} assumed for schemas without one when the request names a {@code draft}. */
    private static final Map<JsonSchemaDraft, String> DRAFT_URIS = Map.of(
            JsonSchemaDraft.DRAFT_04, "http://json-schema.org/draft-04/schema#",
            JsonSchemaDraft.DRAFT_06, "http://json-schema.org/draft-06/schema#",
            JsonSchemaDraft.DRAFT_07, "http://json-schema.org/draft-07/schema#",
            JsonSchemaDraft._2019_09, "https://json-schema.org/draft/2019-09/schema",
            JsonSchemaDraft._2020_12, "https://json-schema.org/draft/2020-12/schema");

    private final CompatibilityService compatibility;

    CompatibilityController(CompatibilityService compatibility) {
        this.compatibility = compatibility;
    }

    @Override
    public ResponseEntity<CompatibilityResult> checkCompatibility(CompatibilityCheckRequest request) {
        CompatibilityService.Submitted candidate = submitted("candidate", "/candidate", request.getCandidate());
        boolean hasOld = request.getOld() != null && !request.getOld().isNull();
        List<JsonNode> previous = request.getPrevious();
        if (hasOld == (previous != null)) {
            throw invalid("", hasOld ? "give exactly one of 'old' and 'previous', not both"
                    : "give the earlier schema as 'old' or the earlier schemas (oldest first) as 'previous'");
        }
        List<CompatibilityService.Submitted> earlier = new ArrayList<>();
        if (hasOld) {
            earlier.add(submitted("old", "/old", request.getOld()));
        } else {
            for (int i = 0; i < previous.size(); i++) {
                earlier.add(submitted("previous[" + i + "]", "/previous/" + i, previous.get(i)));
            }
        }
        CompatibilityMode mode = request.getMode() == null ? CompatibilityMode.BACKWARD
                : CompatibilityRepresentation.mode(request.getMode());
        CompatibilityPolicy policy = request.getPolicy() == null ? CompatibilityPolicy.STRICT
                : CompatibilityRepresentation.policy(request.getPolicy());
        String draft = request.getDraft() == null ? null : DRAFT_URIS.get(request.getDraft());
        return ResponseEntity.ok(CompatibilityRepresentation.toApi(
                compatibility.check(mode, policy, candidate, earlier, draft)));
    }

    @Override
    public ResponseEntity<CompatibilityResult> checkEntityCompatibility(String name,
            EntityCompatibilityRequest request) {
        JsonNode schema = submitted("candidate", "/schema", request.getSchema()).schema();
        return ResponseEntity.ok(CompatibilityRepresentation.toApi(
                compatibility.checkEntity(name, schema, Boolean.TRUE.equals(request.getNewMajor()))));
    }

    /** A JSON Schema is an object or a boolean; anything else is refused before it reaches an engine. */
    private static CompatibilityService.Submitted submitted(String label, String pointer, JsonNode schema) {
        if (schema == null || schema.isNull()) {
            throw invalid(pointer, "is required: a JSON Schema (an object or a boolean)");
        }
        if (!schema.isObject() && !schema.isBoolean()) {
            throw invalid(pointer, "must be a JSON Schema (an object or a boolean), was " + schema.getNodeType());
        }
        return new CompatibilityService.Submitted(label, pointer, schema);
    }

    private static RegistryException invalid(String pointer, String message) {
        return RegistryException.validationFailed(List.of(new InvalidField(pointer, message)));
    }
}
