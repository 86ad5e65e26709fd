package org.canonicalregistry.registry.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only handler that fails the way a bug would, to prove nothing of the failure leaks to the client. Test
 * sources are inside the application's component scan, so every test context has it (and they share one).
 */
@RestController
class FailingController {

    static final String PATH = "/test/failure";
    static final String SECRET = "secret-internal-detail";

    @GetMapping(PATH)
    String fail() {
        throw new IllegalStateException(SECRET);
    }
}
