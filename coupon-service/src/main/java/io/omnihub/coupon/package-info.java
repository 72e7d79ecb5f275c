/** Owns coupons: store credit issued for in-store returns. */
package io.omnihub.coupon;
