package io.omnihub.gateway.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.TimeUnit;
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
 * Gives every request a correlation id (kept in {@link IncomingRequest}; the request is forwarded with it), answers it
 * back, writes one access log line and counts it in {@code spring_cloud_gateway_requests_seconds} (route, status).
 *
 * <p>A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters only run for matched routes,
 * and the 404s, 413s and actuator calls the gateway answers itself need the id and the log line too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CorrelationIdFilter implements WebFilter {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("io.omnihub.gateway.access");

    private final RequestMetrics metrics;

    CorrelationIdFilter(MeterRegistry registry) {
        this.metrics = new RequestMetrics(registry);
    }

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
            HttpStatusCode status = response.getStatusCode();
            int code = status == null ? 200 : status.value();
            long nanos = System.nanoTime() - incoming.receivedAtNanos();
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            metrics.record(route, incoming.method(), code, nanos);
            logAccess(exchange, incoming, route, code, nanos);
            return Mono.empty();
        });

        // the service gets the id where the request is forwarded (IdentityRelayFilter), in the one copy of the
        // headers that also swaps the key for the signed identity: a copy here would be a second one per request
        return chain.filter(exchange);
    }

    private static void logAccess(ServerWebExchange exchange, IncomingRequest incoming, Route route, int status,
                                  long nanos) {
        if (!ACCESS_LOG.isInfoEnabled()) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        String client = exchange.getAttribute(Caller.CLIENT_ATTRIBUTE);
        ACCESS_LOG.info("method={} path={} status={} durationMs={} route={} client={} correlationId={}",
                incoming.method(), incoming.path(), status, millis,
                route == null ? "-" : route.getId(), client == null ? "-" : client, incoming.correlationId());
    }
}
