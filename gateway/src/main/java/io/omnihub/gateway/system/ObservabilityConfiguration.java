package io.omnihub.gateway.system;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No Micrometer observation per request: the gateway forwards every request, and WebFlux's
 * {@code http.server.requests} observation (tags built, sorted and looked up twice per request) cost it about as much
 * CPU as its own security checks together. What it measures is in {@code spring_cloud_gateway_requests_seconds}
 * (per route and status); Spring Cloud Gateway's own client-side observation is off in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    WebHttpHandlerBuilderCustomizer noServerRequestObservations() {
        return builder -> builder.observationRegistry(ObservationRegistry.NOOP);
    }
}
