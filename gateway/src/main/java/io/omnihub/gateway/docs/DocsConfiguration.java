package io.omnihub.gateway.docs;

import io.omnihub.contracts.EventTypes;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Serves the AsyncAPI document of the topics at {@code GET /asyncapi.json}, public like the OpenAPI documents. */
@Configuration(proxyBeanMethods = false)
class DocsConfiguration {

    @Bean
    RouterFunction<ServerResponse> asyncApiRoute() {
        String version = Optional.ofNullable(EventTypes.class.getPackage().getImplementationVersion()).orElse("0.1.0");
        // made once: the contracts do not change while the gateway runs
        String document = AsyncApiDocument.json(version);
        return RouterFunctions.route(RequestPredicates.GET("/asyncapi.json"),
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document));
    }
}
