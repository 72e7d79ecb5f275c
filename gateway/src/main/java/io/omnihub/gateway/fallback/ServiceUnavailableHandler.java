package io.omnihub.gateway.fallback;

import io.omnihub.gateway.tracing.IncomingRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/** Answers 503 problem+json for a service whose circuit breaker caught a failure. */
class ServiceUnavailableHandler {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableHandler.class);

    Mono<ServerResponse> handle(ServerRequest request) {
        Throwable failure = request.exchange()
                .getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // only the circuit breaker forwards here; a client calling /fallback/... directly finds nothing
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        String service = request.pathVariable("service");
        FailureReason reason = FailureReason.of(failure);
        IncomingRequest incoming = IncomingRequest.of(request.exchange());
        log.warn("{} unavailable ({}) for {} {} correlationId={}: {}", service, reason.code(), incoming.method(),
                incoming.path(), incoming.correlationId(), failure.toString());

        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "%s is not available right now: %s. Try again later.".formatted(service, reason.explanation()));
        problem.setType(URI.create("about:blank"));
        problem.setTitle("Service unavailable");
        problem.setInstance(URI.create(incoming.path()));
        problem.setProperty("service", service);
        problem.setProperty("reason", reason.code());
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }
}
