package org.canonicalregistry.registry;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The registry is packaged by feature ({@code entity}, {@code schema}, {@code compatibility}, {@code sample},
 * {@code storage}, {@code problem}, {@code web}). This fails the build when one feature reaches into another's
 * internals or when two features depend on each other in a cycle, so the layout cannot quietly erode. The
 * interfaces and models OpenAPI Generator writes into {@code registry.api} are the wire contract every controller
 * implements, not a feature, so they are left out of the analysis.
 */
class ModularityTest {

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirApiAndWithoutCycles() {
        ApplicationModules.of(RegistryApplication.class, resideInAPackage("org.canonicalregistry.registry.api.."))
                .verify();
    }
}
