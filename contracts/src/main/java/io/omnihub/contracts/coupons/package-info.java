/** Coupons on the wire: every change of a coupon on {@code coupons.lifecycle}, keyed by its code. */
package io.omnihub.contracts.coupons;
