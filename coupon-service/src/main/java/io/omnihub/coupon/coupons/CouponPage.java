package io.omnihub.coupon.coupons;

import java.util.List;

/** One page of coupons, the most recently issued first; {@code page} counts from 0. */
record CouponPage(List<CouponSummary> items, int page, int size, long totalItems, long totalPages) {

    static CouponPage of(List<CouponSummary> items, int page, int size, long totalItems) {
        return new CouponPage(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
