package org.canonicalregistry.registry.schema;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.canonicalregistry.registry.storage.DatabaseSequences;
import org.canonicalregistry.registry.RegistryLimits;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;

@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    static final String GLOBAL_ID_SEQUENCE = "schema_global_id_seq";

    /** The registry's one engine: configured limits, registry references resolved only from the store. */
    @Bean
    SchemaEngine schemaEngine(SchemaLimits limits, StoredReferences references) {
        return SchemaEngine.builder()
                .limits(limits)
                .referenceResolver(references)
                .build();
    }

    /** The configured limits as schema-core sees them (instances may be larger than schemas: see SchemaLimits). */
    @Bean
    SchemaLimits schemaLimits(RegistryLimits limits) {
        return new SchemaLimits(limits.maxBytes(), limits.maxDepth());
    }

    /** Global ids come from a database sequence: unique across the registry, never reused. */
    @Bean
    DataFieldMaxValueIncrementer schemaGlobalIds(DataSource dataSource) throws SQLException {
        return DatabaseSequences.incrementer(dataSource, GLOBAL_ID_SEQUENCE);
    }
}
