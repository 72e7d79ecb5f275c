package io.omnihub.coupon.coupons;

/** A coupon change was stored that is not on Kafka yet: the relay should run now, not at its next tick. */
public record CouponsChanged(String code) {
}
