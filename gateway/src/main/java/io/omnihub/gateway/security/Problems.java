package io.omnihub.gateway.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The refusals of the security filters, written as problem+json by the gateway's error handler. */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        return new ErrorResponseException(status, problem, null);
    }

    static ErrorResponseException unauthorized(String detail) {
        ErrorResponseException error = of(HttpStatus.UNAUTHORIZED, detail);
        error.getHeaders().set("WWW-Authenticate", "ApiKey header=\"X-Api-Key\"");
        return error;
    }
}
