package org.canonicalregistry.registry.storage;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's auto-configured Liquibase bean with {@link SerializedLiquibase} (Boot backs off when a
 * {@link SpringLiquibase} bean exists, and still orders every JDBC user after it).
 */
@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    static final String CHANGELOG = "classpath:db/changelog/db.changelog-master.yaml";

    @Bean
    SpringLiquibase liquibase(DataSource dataSource,
                              @Value("${spring.liquibase.change-log:" + CHANGELOG + "}") String changeLog,
                              @Value("${spring.liquibase.enabled:true}") boolean enabled) {
        SerializedLiquibase liquibase = new SerializedLiquibase();
        liquibase.setDataSource(dataSource);
        liquibase.setChangeLog(changeLog);
        liquibase.setShouldRun(enabled);
        return liquibase;
    }
}
