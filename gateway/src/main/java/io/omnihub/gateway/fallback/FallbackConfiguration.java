package io.omnihub.gateway.fallback;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The target of every route's {@code fallbackUri: forward:/fallback/<service>}. */
@Configuration(proxyBeanMethods = false)
class FallbackConfiguration {

    @Bean
    RouterFunction<ServerResponse> fallbackRoutes() {
        // any method: the forward keeps the client's method (a POST stays a POST)
        return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"),
                new ServiceUnavailableHandler()::handle);
    }
}
