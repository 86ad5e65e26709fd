package org.canonicalregistry.registry.schema;

import org.canonicalregistry.registry.api.ValidationApi;
import org.canonicalregistry.registry.api.model.ValidationResult;
import org.canonicalregistry.registry.api.model.ValidationViolation;
import org.canonicalregistry.schema.ValidationReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/entities/{name}/versions/{version}/validate}: validates a payload and reports every
 * violation (instance pointer, schema location, keyword, message). An invalid payload is a {@code 200} with
 * {@code valid: false}; problems are only for unreadable or oversized input and unknown versions.
 */
@RestController
class SchemaValidationController implements ValidationApi {

    private final SchemaVersionService versions;
    private final JsonMapper json;

    SchemaValidationController(SchemaVersionService versions, JsonMapper json) {
        this.versions = versions;
        this.json = json;
    }

    @Override
    public ResponseEntity<ValidationResult> validatePayload(String name, String version, JsonNode body) {
        // The body was already parsed (and bounded) by the HTTP layer; the service re-checks its own bounds.
        ValidationReport report = versions.validate(name, VersionSelector.parse(version), json.writeValueAsBytes(body));
        return ResponseEntity.ok(new ValidationResult()
                .valid(report.valid())
                .violations(report.violations().stream()
                        .map(violation -> new ValidationViolation()
                                .instancePath(violation.instancePath())
                                .schemaLocation(violation.schemaLocation())
                                .keyword(violation.keyword())
                                .message(violation.message()))
                        .toList()));
    }
}
