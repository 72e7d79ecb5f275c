package io.omnihub.gateway.system;

import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway never sends a request twice. There is no Retry filter on any route, and Reactor Netty's own retry
 * (once, when a pooled connection turns out to be closed) is switched off too: for a POST the service may already
 * have acted. Clients retry with their Idempotency-Key, and the service answers the first result again.
 */
@Configuration(proxyBeanMethods = false)
class NoRetryConfiguration {

    @Bean
    HttpClientCustomizer noRetry() {
        return httpClient -> httpClient.disableRetry(true);
    }
}
