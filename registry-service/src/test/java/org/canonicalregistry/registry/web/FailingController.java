package org.canonicalregistry.registry.web;

import org.canonicalregistry.registry.problem.ProblemType;
import org.canonicalregistry.registry.problem.RegistryException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only handler that fails the way a bug would, to prove nothing of the failure leaks to the client. Test
 * sources are inside the application's component scan, so every test context has it (and they share one).
 */
@RestController
class FailingController {

    static final String BUG = "/test/failure";
    static final String DOMAIN_INTERNAL_ERROR = "/test/internal-error";
    static final String SECRET = "secret-internal-detail";

    @GetMapping(BUG)
    String fail() {
        throw new IllegalStateException(SECRET);
    }

    /** A domain-level "should not happen" whose detail is meant for the operator, not the client. */
    @GetMapping(DOMAIN_INTERNAL_ERROR)
    String failInTheDomain() {
        throw new RegistryException(ProblemType.INTERNAL_ERROR, "stored schema is corrupt: " + SECRET);
    }
}
