package io.omnihub.coupon.coupons;

import java.util.List;
import java.util.stream.Collectors;

/** A request that can never succeed as it is: 400 with its fields over HTTP, a dead letter from Kafka. */
public class InvalidCouponRequest extends IllegalArgumentException {

    private final transient List<FieldError> errors;

    InvalidCouponRequest(List<FieldError> errors) {
        super(errors.stream().map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    InvalidCouponRequest(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
