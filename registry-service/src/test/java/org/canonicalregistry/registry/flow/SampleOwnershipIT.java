package org.canonicalregistry.registry.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.canonicalregistry.registry.security.PrincipalService;
import org.canonicalregistry.registry.testing.FreshPostgresSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The registry's first start on an empty database imports the sample ownership records with the sample models, so
 * the quickstart has systems, flows and a map, and every flow owner can sign in to approve.
 */
@FreshPostgresSchema
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "registry.samples.enabled=true")
class SampleOwnershipIT {

    @Autowired
    OwnershipService ownership;

    @Autowired
    PrincipalService principals;

    @Test
    void theFirstStartImportsTheSampleLandscapeAndItsFlowOwners() {
        Landscape sample = FlowMapTest.sample();

        Landscape stored = ownership.landscape();
        assertThat(stored.systems()).containsExactlyInAnyOrderElementsOf(sample.systems());
        assertThat(stored.systemsOfRecord()).containsExactlyInAnyOrderElementsOf(sample.systemsOfRecord());
        assertThat(stored.flows()).containsExactlyInAnyOrderElementsOf(sample.flows());
        assertThat(sample.flows()).extracting(DataFlow::owner).allSatisfy(owner ->
                assertThat(principals.find(owner)).as("principal %s", owner).isPresent());
    }
}
