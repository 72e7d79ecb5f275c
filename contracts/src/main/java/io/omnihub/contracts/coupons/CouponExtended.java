package io.omnihub.contracts.coupons;

import io.omnihub.contracts.EventType;
import java.time.Instant;

/** A coupon's expiry moved to {@code expiresAt}. */
@EventType("io.omnihub.coupons.coupon-extended")
public record CouponExtended(String code, Instant previousExpiry, Instant expiresAt, Instant at) {
}
