package io.omnihub.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** RFC 9457 problem+json for every error; invalid bodies list each field with its reason, unreadable ones where they broke. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setTitle("Invalid request");
        problem.setDetail("The request has invalid fields");
        List<Map<String, Object>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(), "reason",
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request body is not valid JSON for "
                + "this call");
        problem.setTitle("Invalid request");
        if (ex.getCause() instanceof JacksonException binding) {
            if (!binding.getPath().isEmpty()) {
                // the field's path and what was expected, never the caller's value
                problem.setProperty("errors", List.of(Map.of("field", pathOf(binding), "reason",
                        "has a value of the wrong type or format, or out of range")));
            }
            // where the body broke, so that a hand-written payload can be mended without guessing
            if (binding.getLocation() != null && binding.getLocation().getLineNr() > 0) {
                problem.setProperty("line", binding.getLocation().getLineNr());
                problem.setProperty("column", binding.getLocation().getColumnNr());
            }
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    private static String pathOf(JacksonException binding) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : binding.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
