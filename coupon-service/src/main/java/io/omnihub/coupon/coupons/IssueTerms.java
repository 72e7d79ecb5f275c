package io.omnihub.coupon.coupons;

import java.time.Instant;

/** What a coupon is issued with, once checked and completed by {@link CouponPolicy}; the amount in minor units. */
record IssueTerms(String customerDocument, String currency, long amount, String issuingStoreId, String orderId,
        String fulfillmentId, String returnId, String reason, Instant expiresAt) {
}
