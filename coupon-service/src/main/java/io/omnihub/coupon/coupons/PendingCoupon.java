package io.omnihub.coupon.coupons;

import java.util.List;

/** The changes of one coupon still to relay, in order, after the {@code published} first ones. */
public record PendingCoupon(String code, long published, List<PendingChange> changes) {

    public PendingCoupon {
        changes = List.copyOf(changes);
    }
}
