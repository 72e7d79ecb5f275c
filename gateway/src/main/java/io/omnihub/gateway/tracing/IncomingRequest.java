package io.omnihub.gateway.tracing;

import org.springframework.web.server.ServerWebExchange;

/**
 * The request as the client sent it, kept as an exchange attribute: a circuit breaker fallback is a forward to
 * another path, and problem+json must still name the path the client asked for.
 */
public record IncomingRequest(String correlationId, String method, String path, long receivedAtNanos) {

    static final String ATTRIBUTE = IncomingRequest.class.getName();

    /** The request recorded by the correlation filter, or one read from the exchange as it is now. */
    public static IncomingRequest of(ServerWebExchange exchange) {
        IncomingRequest recorded = exchange.getAttribute(ATTRIBUTE);
        if (recorded != null) {
            return recorded;
        }
        var request = exchange.getRequest();
        return new IncomingRequest(request.getHeaders().getFirst(CorrelationId.HEADER), request.getMethod().name(),
                request.getPath().value(), System.nanoTime());
    }
}
