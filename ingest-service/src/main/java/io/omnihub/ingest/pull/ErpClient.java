package io.omnihub.ingest.pull;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Fetches one page of an ERP API, guarded per integration: a time limit per try, retries with exponential
 * back-off, and a circuit breaker so a dead ERP is not hammered (nor are other integrations held up).
 */
@Component
class ErpClient implements DisposableBean {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService calls = Executors.newCachedThreadPool();
    private final Map<String, Guards> guards = new ConcurrentHashMap<>();

    byte[] fetch(PullProperties.Integration integration, int page) throws Exception {
        URI uri = UriComponentsBuilder.fromUri(integration.url()).queryParam(integration.pageParam(), page)
                .queryParam(integration.sizeParam(), integration.pageSize()).build().toUri();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(integration.timeout())
                .header("Accept", "application/json").GET();
        if (integration.authHeader() != null && integration.authValue() != null) {
            request.header(integration.authHeader(), integration.authValue());
        }
        Guards guard = guards.computeIfAbsent(integration.name(), name -> new Guards(integration));
        return guard.retry.executeCallable(() -> guard.breaker.executeCallable(() -> guard.limiter
                .executeFutureSupplier(() -> CompletableFuture.supplyAsync(() -> send(request.build()), calls))));
    }

    CircuitBreaker.State circuit(String integration) {
        Guards guard = guards.get(integration);
        return guard == null ? CircuitBreaker.State.CLOSED : guard.breaker.getState();
    }

    private byte[] send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new ErpException("the ERP answered " + response.statusCode() + " to " + request.uri());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new ErpException("the ERP is unreachable at " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErpException("interrupted");
        }
    }

    @Override
    public void destroy() {
        calls.shutdownNow();
    }

    /** The ERP failed to give a page. */
    static class ErpException extends RuntimeException {
        ErpException(String message) {
            super(message);
        }
    }

    /** The resilience4j guards of one integration. */
    private static final class Guards {

        private final Retry retry;
        private final CircuitBreaker breaker;
        private final TimeLimiter limiter;

        Guards(PullProperties.Integration integration) {
            retry = Retry.of(integration.name(), RetryConfig.custom().maxAttempts(integration.attempts())
                    .intervalFunction(IntervalFunction.ofExponentialBackoff(integration.backoff(), 2.0))
                    // an open circuit answers at once: retrying it only waits
                    .ignoreExceptions(CallNotPermittedException.class).build());
            breaker = CircuitBreaker.of(integration.name(), CircuitBreakerConfig.custom()
                    .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                    .waitDurationInOpenState(Duration.ofSeconds(60)).build());
            limiter = TimeLimiter.of(integration.name(), TimeLimiterConfig.custom()
                    .timeoutDuration(integration.timeout()).cancelRunningFuture(true).build());
        }
    }
}
