package io.omnihub.coupon.coupons;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A change of a coupon stored but not yet on {@code coupons.lifecycle}, with what its event says. Amounts in
 * the currency's decimals; {@code balance} is what was left right after this change.
 *
 * @param sequence      the change's position in the coupon's history, from 1: with the code, the event's id
 * @param correlationId what the event carries as its correlation id (that of the change), or null
 */
public record PendingChange(String code, long sequence, ChangeType type, Instant at, BigDecimal amount,
        BigDecimal balance, String currency, String customerDocument, String issuingStoreId, String orderId,
        String fulfillmentId, String returnId, String storeId, String redemptionId, String reason,
        Instant previousExpiry, Instant expiresAt, String correlationId) {
}
