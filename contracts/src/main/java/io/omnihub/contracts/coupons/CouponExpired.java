package io.omnihub.contracts.coupons;

import io.omnihub.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** A coupon reached its expiry with {@code balance} unspent. */
@EventType("io.omnihub.coupons.coupon-expired")
public record CouponExpired(String code, BigDecimal balance, Instant expiredAt) {
}
