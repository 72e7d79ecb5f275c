package io.omnihub.contracts.coupons;

import io.omnihub.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** A coupon was cancelled; its remaining {@code balance} can no longer be spent. */
@EventType("io.omnihub.coupons.coupon-cancelled")
public record CouponCancelled(String code, BigDecimal balance, String reason, Instant at) {
}
