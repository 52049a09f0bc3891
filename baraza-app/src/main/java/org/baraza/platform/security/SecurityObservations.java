package org.baraza.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation of Spring Security's work. With an observation registry present, Spring Security
 * wraps each of its ~15 filters, and the authentication and authorization managers, in an observation on every
 * request; switching them off by property leaves the wrappers in place, creating no-op observations. Switching
 * them off cut a home page's JVM CPU by 38–42 % side by side (BENCHMARKS.md). The server's own
 * {@code http.server.requests} metrics, timing whole requests, are kept.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
