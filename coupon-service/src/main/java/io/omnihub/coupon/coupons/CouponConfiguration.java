package io.omnihub.coupon.coupons;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The coupon rules as configured; the expiry sweep's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CouponConfiguration {

    @Bean
    CouponPolicy couponPolicy(CouponProperties properties) {
        return new CouponPolicy(properties.defaultCurrency(), properties.defaultValidity(), properties.redeemScope());
    }

    @Bean
    CouponCode couponCodes() {
        return new CouponCode();
    }
}
