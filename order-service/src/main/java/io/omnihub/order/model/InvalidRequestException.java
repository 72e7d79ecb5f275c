package io.omnihub.order.model;

import java.util.List;

/** A request that can never succeed as written, with each offending field and why: 400. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + ": " + error.reason()).toList().toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidRequestException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field and what is wrong with it. */
    public record FieldError(String field, String reason) {
    }
}
