package io.omnihub.gateway.security;

import io.omnihub.contracts.identity.Identity;
import io.omnihub.gateway.tracing.Caller;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates the {@code X-Api-Key} of every {@code /api} request (401 problem+json when it is missing or
 * unknown) and refuses paths a service would read differently than the gateway checks them (400). The key and
 * any identity header the client sent never reach a service: {@link IdentityRelayFilter} removes them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ApiKeyFilter implements WebFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String IDENTITY_ATTRIBUTE = Identity.class.getName();

    private final ApiKeyRegistry keys;

    ApiKeyFilter(ApiKeyRegistry keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        String apiKey = request.getHeaders().getFirst(API_KEY_HEADER);
        boolean api = RequestPath.isApi(path);
        if (api) {
            List<String> segments = RequestPath.segments(path);
            Optional<String> unsafe = AccessPolicy.unsafePath(segments);
            if (unsafe.isPresent()) {
                return Mono.error(Problems.of(HttpStatus.BAD_REQUEST, unsafe.get()));
            }
        }
        Optional<Identity> identity = keys.identityOf(apiKey);
        if (identity.isPresent()) {
            exchange.getAttributes().put(IDENTITY_ATTRIBUTE, identity.get());
            exchange.getAttributes().put(Caller.CLIENT_ATTRIBUTE, identity.get().client());
        } else if (api) {
            return Mono.error(Problems.unauthorized(apiKey == null || apiKey.isBlank()
                    ? "No API key: send it in the X-Api-Key header."
                    : "The API key is not valid (unknown, revoked or rotated)."));
        }
        // the key and any identity header the client sent are dropped where the request is forwarded
        // (IdentityRelayFilter): one copy of the headers per request instead of two
        return chain.filter(exchange);
    }
}
