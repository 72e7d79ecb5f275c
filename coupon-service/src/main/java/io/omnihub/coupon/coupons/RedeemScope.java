package io.omnihub.coupon.coupons;

/** Which coupons a key scoped to some stores sees and redeems ({@code omnihub.coupons.redeem-scope}). */
enum RedeemScope {
    /** Any coupon of the retailer, redeemed at one of the key's stores. */
    ANY_STORE,
    /** Only the coupons the key's stores issued. */
    ISSUING_STORE
}
