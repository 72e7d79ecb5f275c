package io.omnihub.order.erp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.omnihub.order.store.Store;
import io.omnihub.order.system.OrderProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * POSTs one assignment to a store's ERP endpoint: a few quick tries (retry), and per store a circuit breaker so
 * an ERP that keeps failing is left alone for a while instead of being hammered (or holding up other stores).
 */
@Component
class ErpClient {

    private final HttpClient http;
    private final OrderProperties.ErpPushProperties properties;
    private final Map<String, Guards> guards = new ConcurrentHashMap<>();

    ErpClient(OrderProperties properties) {
        this.properties = properties.erpPush();
        this.http = HttpClient.newBuilder().connectTimeout(this.properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Delivers {@code body}; throws when the ERP did not take it (after the retries), or its circuit is open. */
    void push(Store store, String messageId, byte[] body) throws Exception {
        Store.ErpEndpoint endpoint = store.erpEndpoint();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(properties.timeout()).header("Content-Type", "application/json")
                .header("Idempotency-Key", messageId)
                .header("X-Omnihub-Event", "io.omnihub.orders.fulfillment-assigned")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (endpoint.headerName() != null && !endpoint.headerName().isBlank() && endpoint.headerValue() != null) {
            request.header(endpoint.headerName(), endpoint.headerValue());
        }
        Guards guard = guards.computeIfAbsent(store.storeId(), Guards::new);
        guard.retry.executeCallable(() -> guard.breaker.executeCallable(() -> send(request.build())));
    }

    CircuitBreaker.State circuit(String storeId) {
        Guards guard = guards.get(storeId);
        return guard == null ? CircuitBreaker.State.CLOSED : guard.breaker.getState();
    }

    private Void send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the ERP answered " + response.statusCode() + " at " + request.uri());
        }
        return null;
    }

    private final class Guards {

        private final Retry retry;
        private final CircuitBreaker breaker;

        Guards(String storeId) {
            retry = Retry.of("erp-push-" + storeId, RetryConfig.custom().maxAttempts(properties.attempts())
                    .waitDuration(properties.backoff())
                    // an open circuit is an answer: wait for the next round instead of trying again now
                    .ignoreExceptions(CallNotPermittedException.class).build());
            breaker = CircuitBreaker.of("erp-push-" + storeId, CircuitBreakerConfig.custom()
                    .failureRateThreshold(properties.failureRate()).slidingWindowSize(10).minimumNumberOfCalls(3)
                    .waitDurationInOpenState(properties.openFor()).permittedNumberOfCallsInHalfOpenState(1)
                    .automaticTransitionFromOpenToHalfOpenEnabled(false).build());
        }
    }

    static Duration retryAfter(OrderProperties.ErpPushProperties properties, int failedRounds) {
        long millis = properties.retryAfter().toMillis() << Math.min(20, Math.max(0, failedRounds - 1));
        return Duration.ofMillis(Math.min(millis, properties.maxRetryAfter().toMillis()));
    }
}
