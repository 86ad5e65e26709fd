package org.canonicalregistry.registry.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole registry on a random port over a private in-memory H2 database: the zero-setup default, as a
 * developer runs it, without touching ./registry-data. Sample import is off so tests see only their own data.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:registry-${random.uuid};DB_CLOSE_DELAY=-1",
        "registry.samples.enabled=false"
})
public @interface H2RegistryTest {
}
