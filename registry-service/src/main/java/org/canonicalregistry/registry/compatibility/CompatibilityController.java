package org.canonicalregistry.registry.compatibility;

import org.canonicalregistry.registry.api.CompatibilityApi;
import org.canonicalregistry.registry.api.model.CompatibilityCheckRequest;
import org.canonicalregistry.registry.api.model.CompatibilityResult;
import org.canonicalregistry.registry.api.model.EntityCompatibilityRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/compatibility/check} and {@code /api/v1/entities/{name}/compatibility}: declared by the contract,
 * but the compatibility engine is not wired into the service yet. Rather than guess a verdict, both answer
 * {@code 501 Not Implemented} as a problem document (after the request was read and validated like any other).
 */
@RestController
class CompatibilityController implements CompatibilityApi {

    @Override
    public ResponseEntity<CompatibilityResult> checkCompatibility(CompatibilityCheckRequest request) {
        throw notYetAvailable();
    }

    @Override
    public ResponseEntity<CompatibilityResult> checkEntityCompatibility(String name,
            EntityCompatibilityRequest request) {
        throw notYetAvailable();
    }

    private static ErrorResponseException notYetAvailable() {
        ErrorResponseException ex = new ErrorResponseException(HttpStatus.NOT_IMPLEMENTED);
        ex.setDetail("The compatibility engine is not available in this build of the registry yet.");
        return ex;
    }
}
