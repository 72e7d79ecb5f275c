package io.omnihub.gateway.tracing;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id, passes it to the service, answers it back and writes one access log line.
 *
 * <p>A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters only run for matched routes,
 * and the 404s, 413s and actuator calls the gateway answers itself need the id and the log line too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("io.omnihub.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String correlationId = CorrelationId.resolve(request.getHeaders().getFirst(CorrelationId.HEADER));
        var incoming = new IncomingRequest(correlationId, request.getMethod().name(), request.getPath().value(),
                System.nanoTime());
        exchange.getAttributes().put(IncomingRequest.ATTRIBUTE, incoming);

        ServerHttpResponse response = exchange.getResponse();
        // at commit time every path (proxied, fallback, error handler) has set its status and headers
        response.beforeCommit(() -> {
            response.getHeaders().set(CorrelationId.HEADER, correlationId);
            logAccess(exchange, incoming, response.getStatusCode());
            return Mono.empty();
        });

        ServerWebExchange traced = exchange.mutate()
                .request(builder -> builder.headers(headers -> headers.set(CorrelationId.HEADER, correlationId)))
                .build();
        return chain.filter(traced);
    }

    private static void logAccess(ServerWebExchange exchange, IncomingRequest incoming, HttpStatusCode status) {
        if (!ACCESS_LOG.isInfoEnabled()) {
            return;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        long millis = Duration.ofNanos(System.nanoTime() - incoming.receivedAtNanos()).toMillis();
        String client = exchange.getAttribute(Caller.CLIENT_ATTRIBUTE);
        ACCESS_LOG.info("method={} path={} status={} durationMs={} route={} client={} correlationId={}",
                incoming.method(), incoming.path(), status == null ? 200 : status.value(), millis,
                route == null ? "-" : route.getId(), client == null ? "-" : client, incoming.correlationId());
    }
}
