package org.canonicalregistry.registry.flow;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the {@link SlaMonitor} every {@code registry.flows.sla-check-interval} (default one minute). Off with
 * {@code registry.flows.sla-monitor.enabled=false} (the tests drive the monitor themselves, with a test clock).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "registry.flows.sla-monitor.enabled", havingValue = "true", matchIfMissing = true)
class SlaSchedule {

    private final SlaMonitor monitor;

    SlaSchedule(SlaMonitor monitor) {
        this.monitor = monitor;
    }

    @Scheduled(fixedDelayString = "${registry.flows.sla-check-interval:PT1M}",
            initialDelayString = "${registry.flows.sla-check-interval:PT1M}")
    void check() {
        monitor.check();
    }
}
