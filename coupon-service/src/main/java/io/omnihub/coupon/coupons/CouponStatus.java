package io.omnihub.coupon.coupons;

/**
 * Where a coupon stands. Only ACTIVE, CANCELLED and EXPIRED are stored; REDEEMED (nothing left) and an ACTIVE
 * coupon past its expiry that the sweep has not reached yet are read from balance and expiry, so no second write
 * is ever needed to keep the status true.
 */
enum CouponStatus {
    ACTIVE, REDEEMED, CANCELLED, EXPIRED
}
