package org.canonicalregistry.registry.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit side of {@link FreshPostgresSchema}: creates the class's schema before anything else of the class runs,
 * drops it after the class, resolves {@link PostgresSchema} parameters. The Spring side
 * ({@link PostgresSchemaContextCustomizerFactory}) reads the same schema by test class.
 */
public class PostgresSchemaExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final Map<Class<?>, PostgresSchema> SCHEMAS = new ConcurrentHashMap<>();

    /** The schema of a test class, created on first use. */
    static PostgresSchema schemaFor(Class<?> testClass) {
        return SCHEMAS.computeIfAbsent(testClass, c -> PostgresSchema.create());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            schemaFor(context.getRequiredTestClass());
        } catch (PostgresUnavailableException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            System.err.println("\n*** " + context.getRequiredTestClass().getSimpleName() + " NOT RUN: " + e.getMessage() + "\n");
            Assumptions.abort(e.getMessage());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PostgresSchema schema = SCHEMAS.remove(context.getRequiredTestClass());
        if (schema != null) {
            schema.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresSchema.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return schemaFor(context.getRequiredTestClass());
    }
}
