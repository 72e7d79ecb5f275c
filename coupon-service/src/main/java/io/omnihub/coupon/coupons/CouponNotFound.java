package io.omnihub.coupon.coupons;

/** No coupon has this code (404). */
class CouponNotFound extends RuntimeException {

    CouponNotFound(String code) {
        super("No coupon " + code);
    }
}
