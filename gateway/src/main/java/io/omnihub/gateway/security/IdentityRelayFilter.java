package io.omnihub.gateway.security;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.contracts.identity.IdentityToken;
import io.omnihub.gateway.tracing.CorrelationId;
import io.omnihub.gateway.tracing.IncomingRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * For a request that matched a route: checks the route's roles and the store scope ({@link AccessPolicy}), then
 * hands the caller's identity to the service as a short-lived token signed with the secret the services hold, in
 * place of any identity header the client sent, and without the API key.
 * Runs before the route's own filters, so a refusal never counts as a call in the service's circuit breaker.
 *
 * <p>This is the only place the forwarded request's headers change: token, key, client identity header and
 * correlation id in one copy of the headers (each {@code mutate()} of a request copies them all).
 */
class IdentityRelayFilter implements GlobalFilter, Ordered {

    private final Map<String, RouteAccess> accessByRoute = new ConcurrentHashMap<>();
    private final IdentityToken tokens;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Identity, SignedIdentity> signed = new ConcurrentHashMap<>();

    IdentityRelayFilter(GatewayProperties gateway, IdentityToken tokens, Duration ttl, Clock clock) {
        this.tokens = tokens;
        this.ttl = ttl;
        this.clock = clock;
        for (RouteDefinition route : gateway.getRoutes()) {
            accessByRoute.put(route.getId(), checked(route));
        }
    }

    /** The access of a configured route; a route of the API that names no roles and is not public stops the start. */
    static RouteAccess checked(RouteDefinition route) {
        RouteAccess access;
        try {
            access = RouteAccess.of(route.getMetadata());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("route " + route.getId() + ": " + e.getMessage(), e);
        }
        if (!access.open() && access.roles().isEmpty()) {
            throw new IllegalStateException("route " + route.getId() + " has no 'roles' metadata (ERP, CHANNEL, STORE, "
                    + "OPERATOR) and is not 'public: true': every route must say who may use it");
        }
        return access;
    }

    @Override
    public int getOrder() {
        // before the route filters (the circuit breaker is the first of them, order 1)
        return Ordered.HIGHEST_PRECEDENCE + 1000;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        RouteAccess access = accessByRoute.computeIfAbsent(route.getId(), id -> RouteAccess.of(route.getMetadata()));
        String correlationId = IncomingRequest.of(exchange).correlationId();
        if (access.open()) {
            // public documentation: no identity at all, and the key (if any) stays here too
            return chain.filter(forwarded(exchange, null, correlationId));
        }
        Identity caller = exchange.getAttribute(ApiKeyFilter.IDENTITY_ATTRIBUTE);
        if (caller == null) {
            return Mono.error(Problems.unauthorized("No API key: send it in the X-Api-Key header."));
        }
        var request = exchange.getRequest();
        Optional<String> refusal = AccessPolicy.refusal(caller, access,
                RequestPath.segments(request.getPath().value()), request.getQueryParams());
        if (refusal.isPresent()) {
            return Mono.error(Problems.of(HttpStatus.FORBIDDEN, refusal.get()));
        }
        return chain.filter(forwarded(exchange, tokenFor(caller), correlationId));
    }

    /**
     * The exchange with the request as the service gets it: the gateway's token (or none) in place of whatever
     * identity header the client sent, no API key, and the correlation id the gateway answers with.
     */
    private static ServerWebExchange forwarded(ServerWebExchange exchange, String token, String correlationId) {
        return exchange.mutate().request(builder -> builder.headers(headers -> {
            if (token == null) {
                headers.remove(IdentityToken.HEADER);
            } else {
                headers.set(IdentityToken.HEADER, token);
            }
            headers.remove(ApiKeyFilter.API_KEY_HEADER);
            if (correlationId != null) {
                headers.set(CorrelationId.HEADER, correlationId);
            }
        })).build();
    }

    /** One token per identity, signed again when half of its life is gone: an HMAC per request is not needed. */
    private String tokenFor(Identity caller) {
        Instant now = clock.instant();
        SignedIdentity current = signed.get(caller);
        if (current == null || now.isAfter(current.renewAfter())) {
            Instant expiresAt = now.plus(ttl);
            current = new SignedIdentity(tokens.sign(caller, expiresAt), now.plus(ttl.dividedBy(2)));
            signed.put(caller, current);
        }
        return current.token();
    }

    private record SignedIdentity(String token, Instant renewAfter) {
    }
}
