package io.omnihub.coupon.messaging;

import io.omnihub.contracts.coupons.CouponCancelled;
import io.omnihub.contracts.coupons.CouponExpired;
import io.omnihub.contracts.coupons.CouponExtended;
import io.omnihub.contracts.coupons.CouponIssued;
import io.omnihub.contracts.coupons.CouponRedeemed;
import io.omnihub.contracts.orders.ReturnRecorded;
import io.omnihub.coupon.coupons.IssueCoupon;
import io.omnihub.coupon.coupons.PendingChange;

/** Maps a return's coupon request in, and each stored coupon change out as its {@code coupons.lifecycle} event. */
final class CouponEvents {

    /** The reason of a return's coupon when order-service gives none. */
    static final String RETURN_REASON = "RETURN_IN_STORE";

    private CouponEvents() {
    }

    /** The coupon a return asks for, issued by the store that took the return back, to the order's customer. */
    static IssueCoupon toIssue(ReturnRecorded event) {
        String reason = event.coupon().reason() == null || event.coupon().reason().isBlank() ? RETURN_REASON
                : event.coupon().reason();
        return new IssueCoupon(event.customerDocument(), event.coupon().amount(), event.coupon().currency(),
                event.storeId(), event.orderId(), event.fulfillmentId(), event.returnId(), reason, null);
    }

    static Object toEvent(PendingChange change) {
        return switch (change.type()) {
            case ISSUED -> new CouponIssued(change.code(), change.customerDocument(), change.amount(),
                    change.currency(), change.issuingStoreId(), change.orderId(), change.fulfillmentId(),
                    change.returnId(), change.reason(), change.expiresAt(), change.at());
            case REDEEMED -> new CouponRedeemed(change.code(), change.redemptionId(), change.amount(),
                    change.balance(), change.currency(), change.storeId(), change.at());
            case CANCELLED -> new CouponCancelled(change.code(), change.balance(), change.reason(), change.at());
            case EXTENDED -> new CouponExtended(change.code(), change.previousExpiry(), change.expiresAt(),
                    change.at());
            case EXPIRED -> new CouponExpired(change.code(), change.balance(), change.expiresAt());
        };
    }

    /** One id per change of a coupon: a change relayed twice is recognisably the same event. */
    static String eventId(PendingChange change) {
        return change.code() + ":" + change.sequence();
    }
}
