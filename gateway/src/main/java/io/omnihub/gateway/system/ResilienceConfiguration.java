package io.omnihub.gateway.system;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The circuit breaker settings of every service route, in one place. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    /** Whole exchange, body streaming included; a bit above the HTTP client's response timeout (10s). */
    static final Duration TIME_LIMIT = Duration.ofSeconds(12);

    /** ingest-service takes file uploads: its routes wait 60s for response headers (application.yml), plus margin. */
    static final Duration UPLOAD_TIME_LIMIT = Duration.ofSeconds(65);

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults() {
        return factory -> {
            factory.configureDefault(id -> builder(id, TIME_LIMIT).build());
            factory.configure(builder -> builder.circuitBreakerConfig(breaker())
                    .timeLimiterConfig(timeLimit(UPLOAD_TIME_LIMIT)), "ingest-service");
        };
    }

    private static Resilience4JConfigBuilder builder(String id, Duration timeLimit) {
        return new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(breaker())
                .timeLimiterConfig(timeLimit(timeLimit));
    }

    private static CircuitBreakerConfig breaker() {
        // open when half of the last 20 calls failed (judged from 10 calls on), probe again after 10s;
        // only failures to get an answer count: a service's own 4xx/5xx is passed through untouched
        return CircuitBreakerConfig.custom()
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                .permittedNumberOfCallsInHalfOpenState(3)
                .build();
    }

    private static TimeLimiterConfig timeLimit(Duration duration) {
        return TimeLimiterConfig.custom().timeoutDuration(duration).cancelRunningFuture(true).build();
    }
}
