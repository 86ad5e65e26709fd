package org.canonicalregistry.registry.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.canonicalregistry.registry.RegistryLimits;
import org.canonicalregistry.schema.SchemaEngine;
import org.canonicalregistry.schema.SchemaLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

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

    /**
     * Global ids come from a database sequence; only the "next value" syntax differs between the databases we
     * support, so this is the one place that looks at the product name.
     */
    @Bean
    DataFieldMaxValueIncrementer schemaGlobalIds(DataSource dataSource) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        }
        if (product.contains("postgres")) {
            return new PostgresSequenceMaxValueIncrementer(dataSource, GLOBAL_ID_SEQUENCE);
        }
        if (product.contains("h2")) {
            return new H2SequenceMaxValueIncrementer(dataSource, GLOBAL_ID_SEQUENCE);
        }
        throw new IllegalStateException("unsupported database '" + product + "': the registry runs on PostgreSQL or H2");
    }
}
