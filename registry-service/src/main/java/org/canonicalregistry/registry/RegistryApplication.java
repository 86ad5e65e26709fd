package org.canonicalregistry.registry;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The Canonical Registry service. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegistryApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegistryApplication.class, args);
    }

    /** Every timestamp the registry writes comes from this clock (tests replace it). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
