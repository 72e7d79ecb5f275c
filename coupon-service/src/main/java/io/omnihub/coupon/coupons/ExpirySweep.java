package io.omnihub.coupon.coupons;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks coupons EXPIRED on their own once their expiry has come, every {@code omnihub.coupons.expiry-interval}.
 * Every replica may sweep: each coupon is expired by a conditional write that only one sweep can win.
 */
@Component
class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final CouponService coupons;

    ExpirySweep(CouponService coupons) {
        this.coupons = coupons;
    }

    @Scheduled(fixedDelayString = "${omnihub.coupons.expiry-interval:1m}",
            initialDelayString = "${omnihub.coupons.expiry-interval:1m}")
    void sweep() {
        try {
            coupons.expireDue();
        } catch (RuntimeException e) {
            log.warn("Expiry sweep failed; the next one retries: {}", e.toString());
        }
    }
}
