package io.omnihub.coupon.coupons;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Coupons ({@code omnihub.coupons.*}).
 *
 * @param defaultCurrency ISO 4217 currency of a coupon issued without one
 * @param defaultValidity how long a coupon issued without an expiry is valid
 * @param redeemScope     which coupons a key of some stores sees and redeems
 * @param expiryInterval  how often coupons whose expiry has come are marked EXPIRED (and announced)
 */
@ConfigurationProperties("omnihub.coupons")
record CouponProperties(@DefaultValue("BRL") String defaultCurrency, @DefaultValue("90d") Duration defaultValidity,
        @DefaultValue("ANY_STORE") RedeemScope redeemScope, @DefaultValue("1m") Duration expiryInterval) {
}
