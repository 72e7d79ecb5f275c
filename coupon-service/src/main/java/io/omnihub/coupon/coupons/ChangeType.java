package io.omnihub.coupon.coupons;

/** What happened to a coupon; each change is one event on {@code coupons.lifecycle}. */
public enum ChangeType {
    ISSUED, REDEEMED, CANCELLED, EXTENDED, EXPIRED
}
