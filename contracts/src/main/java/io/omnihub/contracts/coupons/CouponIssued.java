package io.omnihub.contracts.coupons;

import io.omnihub.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A coupon was issued. Keyed by its code on {@code coupons.lifecycle}.
 *
 * @param returnId the in-store return it credits, when it came from one (one return, one coupon)
 */
@EventType("io.omnihub.coupons.coupon-issued")
public record CouponIssued(String code, String customerDocument, BigDecimal amount, String currency,
        String issuingStoreId, String orderId, String fulfillmentId, String returnId, String reason,
        Instant expiresAt, Instant at) {
}
