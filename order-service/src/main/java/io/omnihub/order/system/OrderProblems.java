package io.omnihub.order.system;

import io.omnihub.order.model.InvalidRequestException;
import io.omnihub.order.model.OrderConflictException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order model's refusals as problem+json: invalid fields 400 (listed), conflicts 409 (with what is allowed). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("field", error.field(), "reason", error.reason())).toList());
        return problem;
    }

    /** Bean validation of a body, in the same shape as the model's own field errors. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return invalid(new InvalidRequestException(e.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldError(error.getField(),
                        String.valueOf(error.getDefaultMessage())))
                .toList()));
    }

    @ExceptionHandler(OrderConflictException.class)
    ProblemDetail conflict(OrderConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        problem.setProperty("allowed", e.allowed());
        return problem;
    }
}
