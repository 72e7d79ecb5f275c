/** Coupons: issuing, redeeming, cancelling, extending and expiring store credit, and the API for it. */
package io.omnihub.coupon.coupons;
