package io.omnihub.coupon.coupons;

/** An Idempotency-Key sent again with a different request (422): the first answer cannot be this one's. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused(String key, String code) {
        super("Idempotency-Key " + key + " already issued coupon " + code + " for a different request");
    }
}
