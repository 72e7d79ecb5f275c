package io.omnihub.coupon.coupons;

import io.omnihub.platform.web.CorrelationId;
import java.time.Instant;

/**
 * One entry of a coupon's history, stored in the same write as the change it records: the history is also the
 * coupon's outbox (entry n is event n on {@code coupons.lifecycle}). Amounts in minor units; the balance after
 * each entry follows from the order of the entries.
 *
 * @param by            the API client that made the change, or the topic it came from
 * @param amount        ISSUED: the coupon's amount; REDEEMED: the amount spent
 * @param expiresAt     ISSUED/EXTENDED: the expiry from then on; EXPIRED: the expiry that was reached
 * @param correlationId the correlation id of the request or event that made the change (its event carries it);
 *                      null for changes stored before it was kept, and for expiries
 */
record CouponChange(ChangeType type, Instant at, String by, Long amount, String storeId, String redemptionId,
        String reason, Instant previousExpiry, Instant expiresAt, String correlationId) {

    static CouponChange issued(Instant at, String by, long amount, String storeId, String reason,
            Instant expiresAt) {
        return new CouponChange(ChangeType.ISSUED, at, by, amount, storeId, null, reason, null, expiresAt,
                CorrelationId.current());
    }

    static CouponChange redeemed(Instant at, String by, long amount, String storeId, String redemptionId) {
        return new CouponChange(ChangeType.REDEEMED, at, by, amount, storeId, redemptionId, null, null, null,
                CorrelationId.current());
    }

    static CouponChange cancelled(Instant at, String by, String reason) {
        return new CouponChange(ChangeType.CANCELLED, at, by, null, null, null, reason, null, null,
                CorrelationId.current());
    }

    static CouponChange extended(Instant at, String by, Instant previousExpiry, Instant expiresAt) {
        return new CouponChange(ChangeType.EXTENDED, at, by, null, null, null, null, previousExpiry, expiresAt,
                CorrelationId.current());
    }

    static CouponChange expired(Instant at, Instant expiresAt) {
        return new CouponChange(ChangeType.EXPIRED, at, "expiry", null, null, null, null, null, expiresAt,
                null);
    }
}
