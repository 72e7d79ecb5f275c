package io.omnihub.coupon.coupons;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code PATCH /api/v1/coupons/{code}}: {@code {"action": "REDEEM", "amount", "storeId", "redemptionId"?}},
 * {@code {"action": "CANCEL", "reason"}} or {@code {"action": "EXTEND", "expiresAt"}}.
 */
record ChangeCouponRequest(String action, BigDecimal amount, String storeId, String redemptionId, String reason,
        Instant expiresAt) {

    /** What can be done to a coupon. */
    enum Action {
        REDEEM, CANCEL, EXTEND
    }
}
