package io.omnihub.coupon.coupons;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A coupon with its balance, status, expiry, redemptions and the history of every change. */
record CouponResponse(String code, CouponStatus status, String customerDocument, BigDecimal amount,
        BigDecimal balance, String currency, String issuingStoreId, String orderId, String fulfillmentId,
        String returnId, String reason, Instant issuedAt, Instant expiresAt, List<Redemption> redemptions,
        List<Change> history) {

    static CouponResponse of(Coupon coupon, CouponStatus status) {
        List<Long> balances = coupon.balances();
        List<Redemption> redemptions = new ArrayList<>();
        List<Change> history = new ArrayList<>();
        for (int i = 0; i < coupon.history().size(); i++) {
            CouponChange change = coupon.history().get(i);
            BigDecimal amount = change.amount() == null ? null
                    : CouponPolicy.decimal(change.amount(), coupon.currency());
            BigDecimal balance = CouponPolicy.decimal(balances.get(i), coupon.currency());
            if (change.type() == ChangeType.REDEEMED) {
                redemptions.add(new Redemption(change.redemptionId(), amount, balance, change.storeId(),
                        change.at()));
            }
            history.add(new Change(change.type(), change.at(), change.by(), amount, balance, change.storeId(),
                    change.redemptionId(), change.reason(), change.previousExpiry(), change.expiresAt()));
        }
        return new CouponResponse(coupon.code(), status, coupon.customerDocument(),
                CouponPolicy.decimal(coupon.amount(), coupon.currency()),
                CouponPolicy.decimal(coupon.balance(), coupon.currency()), coupon.currency(), coupon.issuingStoreId(),
                coupon.orderId(), coupon.fulfillmentId(), coupon.returnId(), coupon.reason(), coupon.issuedAt(),
                coupon.expiresAt(), redemptions, history);
    }

    /** Part of the balance spent at a store; {@code balance} is what was left after it. */
    record Redemption(String redemptionId, BigDecimal amount, BigDecimal balance, String storeId, Instant at) {
    }

    /** One change, oldest first; {@code balance} is what was left after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Change(ChangeType type, Instant at, String by, BigDecimal amount, BigDecimal balance, String storeId,
            String redemptionId, String reason, Instant previousExpiry, Instant expiresAt) {
    }
}
