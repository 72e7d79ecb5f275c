/** Kafka in and out: the only place that maps the event contracts to coupons. */
package io.omnihub.coupon.messaging;
