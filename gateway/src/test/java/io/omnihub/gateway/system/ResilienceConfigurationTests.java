package io.omnihub.gateway.system;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ResilienceConfigurationTests {

    private ReactiveResilience4JCircuitBreakerFactory factory;

    @BeforeEach
    void configuredFactory() {
        factory = new ReactiveResilience4JCircuitBreakerFactory(CircuitBreakerRegistry.ofDefaults(),
                TimeLimiterRegistry.ofDefaults(), null, new Resilience4JConfigurationProperties());
        new ResilienceConfiguration().circuitBreakerDefaults().customize(factory);
    }

    @Test
    void givesUpOnAServiceAfterTwelveSeconds() {
        StepVerifier.withVirtualTime(() -> neverAnswering(factory.create("catalog-service")))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(11))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("fallback after TimeoutException")
                .verifyComplete();
    }

    @Test
    void givesIngestUploadsSixtyFiveSeconds() {
        StepVerifier.withVirtualTime(() -> neverAnswering(factory.create("ingest-service")))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(64))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext("fallback after TimeoutException")
                .verifyComplete();
    }

    @Test
    void opensAfterTenCallsOfWhichHalfFailed() {
        // given ten calls, every other one failing
        ReactiveCircuitBreaker breaker = factory.create("order-service");
        for (int call = 0; call < 5; call++) {
            StepVerifier.create(breaker.run(Mono.just("ok"), error -> Mono.just("fallback"))).expectNext("ok")
                    .verifyComplete();
            StepVerifier.create(breaker.run(Mono.error(new IllegalStateException("refused")),
                    error -> Mono.just("fallback"))).expectNext("fallback").verifyComplete();
        }

        // then the next call is not even tried
        StepVerifier.create(breaker.run(Mono.just("ok"),
                        error -> Mono.just("fallback after " + error.getClass().getSimpleName())))
                .expectNext("fallback after CallNotPermittedException")
                .verifyComplete();
    }

    private static Mono<String> neverAnswering(ReactiveCircuitBreaker breaker) {
        return breaker.run(Mono.never(), error -> Mono.just("fallback after " + error.getClass().getSimpleName()));
    }
}
