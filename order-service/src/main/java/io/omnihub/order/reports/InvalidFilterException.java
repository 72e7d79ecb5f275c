package io.omnihub.order.reports;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Bad report parameters: 400 problem+json listing each parameter with its reason, like invalid JSON fields. */
class InvalidFilterException extends ErrorResponseException {

    InvalidFilterException(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, problem(errors), null);
    }

    private static ProblemDetail problem(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid parameters");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "reason", error.reason())).toList());
        return problem;
    }

    /** One bad parameter. */
    record FieldError(String field, String reason) {
    }
}
