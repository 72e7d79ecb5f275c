package io.omnihub.gateway.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared Content-Length is above {@code omnihub.gateway.max-request-size} with 413,
 * before any byte reaches a service. Chunked bodies carry no length and are left to the services' own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter implements WebFilter {

    private final GatewayProperties properties;

    RequestSizeLimitFilter(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > properties.maxRequestSize().toBytes()) {
            // an exception rather than a bare status, so the error handler writes problem+json
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body has %d bytes; the gateway accepts at most %d bytes."
                            .formatted(length, properties.maxRequestSize().toBytes())));
        }
        return chain.filter(exchange);
    }
}
