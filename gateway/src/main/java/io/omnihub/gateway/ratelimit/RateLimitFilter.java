package io.omnihub.gateway.ratelimit;

import io.omnihub.contracts.identity.Identity;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts the requests of each API key's client in its own token bucket (in this gateway's memory: with N replicas
 * a client gets up to N times its limit) and answers 429 problem+json with {@code Retry-After} once it is empty.
 * Runs after authentication: a request without a valid key was already refused and costs no token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RateLimitFilter implements WebFilter {

    /** Where {@code ApiKeyFilter} leaves the authenticated caller. */
    static final String IDENTITY_ATTRIBUTE = Identity.class.getName();

    private final RateLimitProperties properties;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    // the limit of an identity never changes (the properties are fixed); a reloaded key is another identity
    private final Map<Identity, Limit> limits = new ConcurrentHashMap<>();

    @Autowired
    RateLimitFilter(RateLimitProperties properties) {
        this(properties, System::nanoTime);
    }

    RateLimitFilter(RateLimitProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Identity caller = exchange.getAttribute(IDENTITY_ATTRIBUTE);
        if (caller == null || !properties.enabled()) {
            return chain.filter(exchange);
        }
        Limit limit = limits.get(caller);
        if (limit == null) {
            limit = RateLimitPolicy.limitFor(caller, properties);
            limits.put(caller, limit);
        }
        long now = nanoTime.getAsLong();
        long waitNanos = bucketOf(caller.client(), limit, now).tryTake(now);
        if (waitNanos == 0) {
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "The API key of %s is over its rate limit (%d requests at once, %s a second). Retry after %d s."
                        .formatted(caller.client(), limit.capacity(), perSecond(limit), retryAfter));
        problem.setType(URI.create("about:blank"));
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
        refusal.getHeaders().set("Retry-After", Long.toString(retryAfter));
        return Mono.error(refusal);
    }

    /** The client's bucket: a plain read on the hot path; a reloaded key with another limit starts afresh. */
    private TokenBucket bucketOf(String client, Limit limit, long now) {
        TokenBucket current = buckets.get(client);
        if (current != null && current.limit().equals(limit)) {
            return current;
        }
        return buckets.compute(client, (name, existing) ->
                existing != null && existing.limit().equals(limit) ? existing : new TokenBucket(limit, now));
    }

    private static String perSecond(Limit limit) {
        double rate = limit.perSecond();
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }
}
