package io.omnihub.coupon.coupons;

/** One invalid field of a request, as problem+json lists it. */
public record FieldError(String field, String reason) {
}
