package io.omnihub.coupon.coupons;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A request to issue a coupon, from the API or from a return on {@code orders.lifecycle}, as it came: checked
 * by {@link CouponPolicy#issueTerms}.
 *
 * @param currency  ISO 4217; null for the configured default
 * @param expiresAt null for the configured validity from now
 * @param returnId  the return it credits (from order-service only)
 */
public record IssueCoupon(String customerDocument, BigDecimal amount, String currency, String issuingStoreId,
        String orderId, String fulfillmentId, String returnId, String reason, Instant expiresAt) {
}
