package io.omnihub.coupon.coupons;

import java.math.BigDecimal;

/** A change the coupon's state does not allow (409): spent beyond its balance, expired, cancelled. */
class CouponConflict extends RuntimeException {

    private final String code;
    private final CouponStatus status;
    private final BigDecimal balance;
    private final String currency;

    CouponConflict(String detail, String code, CouponStatus status, BigDecimal balance, String currency) {
        super(detail);
        this.code = code;
        this.status = status;
        this.balance = balance;
        this.currency = currency;
    }

    String code() {
        return code;
    }

    CouponStatus status() {
        return status;
    }

    BigDecimal balance() {
        return balance;
    }

    String currency() {
        return currency;
    }
}
