package io.omnihub.gateway.system;

import io.omnihub.gateway.tracing.IncomingRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes every error the gateway answers itself (no route, too large, its own failures) as RFC 9457
 * problem+json. Replaces Boot's default handler, whose JSON is not problem+json.
 */
@Component
@Order(-2)
class ProblemDetailsErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    private final ServerResponse.Context context;

    ProblemDetailsErrorHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        IncomingRequest request = IncomingRequest.of(exchange);
        ProblemDetail problem = problemFor(failure, request);
        HttpHeaders headers = failure instanceof ErrorResponse error ? error.getHeaders() : HttpHeaders.EMPTY;
        return ServerResponse.status(problem.getStatus())
                .headers(target -> target.addAll(headers))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    private static ProblemDetail problemFor(Throwable failure, IncomingRequest request) {
        HttpStatusCode status = failure instanceof ErrorResponse error
                ? error.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail;
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            detail = "No route for %s %s".formatted(request.method(), request.path());
        } else if (status.is5xxServerError()) {
            // the gateway's own failure: the client gets a neutral text, the log gets the cause
            log.error("gateway failed on {} {} correlationId={}", request.method(), request.path(),
                    request.correlationId(), failure);
            detail = "The gateway could not handle the request.";
        } else {
            detail = failure instanceof ErrorResponse error ? error.getBody().getDetail() : null;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setInstance(URI.create(request.path()));
        return problem;
    }
}
