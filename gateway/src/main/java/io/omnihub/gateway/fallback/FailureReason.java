package io.omnihub.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Why a call to a service did not get an answer, as told to the client in the {@code reason} field. */
enum FailureReason {

    /** The breaker is open: the call was not even tried. */
    CIRCUIT_OPEN("circuit-open", "its circuit breaker is open"),
    /** The service took longer than the gateway waits. */
    TIMEOUT("timeout", "it did not answer in time"),
    /** Anything else: refused or reset connection, unknown host, broken response. */
    UNREACHABLE("unreachable", "it could not be reached");

    private final String code;
    private final String explanation;

    FailureReason(String code, String explanation) {
        this.code = code;
        this.explanation = explanation;
    }

    String code() {
        return code;
    }

    String explanation() {
        return explanation;
    }

    /** Classifies the failure the circuit breaker caught, looking through its causes. */
    static FailureReason of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CallNotPermittedException) {
                return CIRCUIT_OPEN;
            }
            // the HTTP client's response timeout arrives as a 504 ResponseStatusException
            if (cause instanceof TimeoutException || cause instanceof ResponseStatusException status
                    && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
                return TIMEOUT;
            }
        }
        return UNREACHABLE;
    }
}
