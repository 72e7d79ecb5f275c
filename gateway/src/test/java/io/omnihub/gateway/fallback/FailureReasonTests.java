package io.omnihub.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class FailureReasonTests {

    @Test
    void anOpenBreakerIsCircuitOpen() {
        var breaker = CircuitBreaker.ofDefaults("catalog-service");
        breaker.transitionToOpenState();

        assertThat(FailureReason.of(CallNotPermittedException.createCallNotPermittedException(breaker)))
                .isEqualTo(FailureReason.CIRCUIT_OPEN);
    }

    @Test
    void theTimeLimiterIsATimeout() {
        assertThat(FailureReason.of(new TimeoutException("Did not observe any item within 12000ms")))
                .isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void theHttpClientsResponseTimeoutIsATimeout() {
        var gatewayTimeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than 1s",
                new TimeoutException("Response took longer than 1s"));

        assertThat(FailureReason.of(gatewayTimeout)).isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void aTimeoutDeeperInTheCausesIsATimeout() {
        assertThat(FailureReason.of(new IllegalStateException(new RuntimeException(new TimeoutException()))))
                .isEqualTo(FailureReason.TIMEOUT);
    }

    @Test
    void aRefusedConnectionIsUnreachable() {
        assertThat(FailureReason.of(new ConnectException("Connection refused"))).isEqualTo(FailureReason.UNREACHABLE);
    }

    @Test
    void aBadGatewayIsUnreachableNotTimeout() {
        assertThat(FailureReason.of(new ResponseStatusException(HttpStatus.BAD_GATEWAY)))
                .isEqualTo(FailureReason.UNREACHABLE);
    }
}
