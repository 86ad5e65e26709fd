package org.canonicalregistry.registry.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Gives the annotated test class its own fresh PostgreSQL schema (random name, in database {@code test}) for the
 * whole class, drops it afterwards, and — for Spring tests ({@code @SpringBootTest} etc.) — points
 * {@code spring.datasource.*} at it. The Spring context is closed after the class, so each class gets a new one.
 *
 * <p>When PostgreSQL is unreachable: with env {@code CI=true} the class FAILS, naming 127.0.0.1:5432 and how to
 * start it; otherwise it is aborted (reported as skipped) with the same message printed to stderr.
 *
 * <p>Test methods (and constructors) may take a {@link PostgresSchema} parameter to reach the schema directly.
 * Use {@link PostgresSchema#create()} (try-with-resources) for extra schemas inside one test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresSchemaExtension.class)
@ContextCustomizerFactories(PostgresSchemaContextCustomizerFactory.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface FreshPostgresSchema {
}
