package io.omnihub.coupon.coupons;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code POST /api/v1/coupons}: checked by {@link CouponPolicy}, which lists every invalid field.
 *
 * @param currency  ISO 4217; the configured default (BRL) when absent
 * @param expiresAt the configured validity (90 days) from now when absent
 */
record IssueCouponRequest(String customerDocument, BigDecimal amount, String currency, String issuingStoreId,
        String orderId, String fulfillmentId, String reason, Instant expiresAt) {

    IssueCoupon toIssue() {
        return new IssueCoupon(customerDocument, amount, currency, issuingStoreId, orderId, fulfillmentId, null,
                reason, expiresAt);
    }
}
