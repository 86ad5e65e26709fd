package org.canonicalregistry.registry.testing;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Spring side of {@link FreshPostgresSchema}: puts the class's schema into {@code spring.datasource.*} with the
 * highest precedence. The customizer is equal only for the same test class, so no context (and no schema) is
 * ever shared between classes.
 */
public class PostgresSchemaContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, FreshPostgresSchema.class)) {
            return null;
        }
        return new Customizer(testClass);
    }

    private record Customizer(Class<?> testClass) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            PostgresSchema schema = PostgresSchemaExtension.schemaFor(testClass);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-postgres-schema", Map.of(
                    "spring.datasource.url", schema.jdbcUrl(),
                    "spring.datasource.username", schema.user(),
                    "spring.datasource.password", schema.password(),
                    // Many test contexts may be alive at once (other classes, parallel helpers): keep pools small.
                    "spring.datasource.hikari.maximum-pool-size", "5",
                    "spring.datasource.hikari.minimum-idle", "1")));
        }
    }
}
