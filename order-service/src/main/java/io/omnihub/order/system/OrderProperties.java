package io.omnihub.order.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * order-service's settings ({@code omnihub.orders.*}).
 *
 * @param workInterval     how often the routing and outbox loops run besides right after each write
 * @param sweepInterval    how often (and at start) those loops also look in MongoDB for orders waiting for them,
 *                         the safety net for what no in-process wake-up announced (a crash, another replica)
 * @param deadlineInterval how often unanswered fulfilments past their deadline are looked for
 * @param sendTimeout      how long the outbox relay waits for the broker's acknowledgements
 * @param storesFile       a stores file ({@code {"stores": [...]}}) loaded at start; none when blank
 * @param outboxClearDelay how long an acknowledged outbox waits before it is removed from its order: the order's
 *                         next write (the reservation answer) usually comes first and makes that removal
 *                         unnecessary, and what does wait is removed many orders at once
 * @param relayAutoStartup false only in tests that stop the relay to see what a crash leaves behind
 */
@ConfigurationProperties("omnihub.orders")
public record OrderProperties(@DefaultValue("2s") Duration workInterval, @DefaultValue("15s") Duration sweepInterval,
        @DefaultValue("10s") Duration deadlineInterval,
        @DefaultValue("30s") Duration sendTimeout, @DefaultValue("1s") Duration outboxClearDelay,
        @DefaultValue("") String storesFile,
        @DefaultValue("true") boolean relayAutoStartup, @DefaultValue ErpPushProperties erpPush) {

    /**
     * Pushing assignments to the stores' ERP endpoints.
     *
     * @param attempts     tries per round (resilience4j retry), spaced by {@code backoff}
     * @param retryAfter   when a round failed, the next round after this, doubled each time up to {@code maxRetryAfter}
     * @param failureRate  percentage of failed calls that opens a store's circuit breaker
     * @param openFor      how long an open circuit refuses calls
     */
    public record ErpPushProperties(@DefaultValue("3") int attempts, @DefaultValue("200ms") Duration backoff,
            @DefaultValue("5s") Duration timeout, @DefaultValue("5s") Duration retryAfter,
            @DefaultValue("5m") Duration maxRetryAfter, @DefaultValue("50") float failureRate,
            @DefaultValue("30s") Duration openFor, @DefaultValue("2s") Duration interval) {
    }
}
