package org.canonicalregistry.registry.compatibility;

import org.canonicalregistry.schema.ReferenceResolver;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.compat.CompatibilityEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CompatibilityConfiguration {

    /**
     * The registry's one compatibility engine. Witnesses are confirmed by the service's own {@link SchemaEngine}, and
     * {@code urn:canonical:} references are followed through the same store-backed resolver the schema feature uses,
     * so the diff and the validator see the same documents and nothing is ever fetched.
     */
    @Bean
    CompatibilityEngine compatibilityEngine(SchemaEngine schemaEngine, ReferenceResolver storedReferences) {
        return CompatibilityEngine.builder()
                .schemaEngine(schemaEngine)
                .referenceResolver(storedReferences)
                .build();
    }
}
