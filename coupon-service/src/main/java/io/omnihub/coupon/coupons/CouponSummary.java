package io.omnihub.coupon.coupons;

import java.math.BigDecimal;
import java.time.Instant;

/** A coupon in a list: what it is worth and where it stands, without its history. */
record CouponSummary(String code, CouponStatus status, String customerDocument, BigDecimal amount, BigDecimal balance,
        String currency, String issuingStoreId, String orderId, String fulfillmentId, String returnId, String reason,
        Instant issuedAt, Instant expiresAt) {

    static CouponSummary of(Coupon coupon, CouponStatus status) {
        return new CouponSummary(coupon.code(), status, coupon.customerDocument(),
                CouponPolicy.decimal(coupon.amount(), coupon.currency()),
                CouponPolicy.decimal(coupon.balance(), coupon.currency()), coupon.currency(), coupon.issuingStoreId(),
                coupon.orderId(), coupon.fulfillmentId(), coupon.returnId(), coupon.reason(), coupon.issuedAt(),
                coupon.expiresAt());
    }
}
