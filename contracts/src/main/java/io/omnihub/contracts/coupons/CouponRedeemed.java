package io.omnihub.contracts.coupons;

import io.omnihub.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/** Part or all of a coupon's balance was spent; {@code balance} is what remains. */
@EventType("io.omnihub.coupons.coupon-redeemed")
public record CouponRedeemed(String code, String redemptionId, BigDecimal amount, BigDecimal balance,
        String currency, String storeId, Instant at) {
}
