package io.omnihub.coupon.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.orders.ReturnRecorded;
import io.omnihub.coupon.coupons.CouponService;
import io.omnihub.coupon.coupons.InvalidCouponRequest;
import io.omnihub.platform.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Returns on {@code orders.lifecycle} that ask for a coupon become coupons, one per return id (redelivery finds
 * the coupon and writes nothing). The topic's other events are order business, not coupons': read and let go.
 * The offset is committed after the handler returned, i.e. after the coupon is stored.
 */
@Component
@KafkaListener(topics = Topics.ORDERS_LIFECYCLE)
class OrdersLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(OrdersLifecycleListener.class);

    private final CouponService coupons;

    OrdersLifecycleListener(CouponService coupons) {
        this.coupons = coupons;
    }

    @KafkaHandler
    void returned(ReturnRecorded event) {
        if (event.coupon() == null) {
            return;
        }
        try {
            if (!coupons.issueForReturn(CouponEvents.toIssue(event), Topics.ORDERS_LIFECYCLE)) {
                log.debug("Return {} already has its coupon", event.returnId());
            }
        } catch (InvalidCouponRequest invalid) {
            throw new InvalidEventException("return " + event.returnId() + " of order " + event.orderId()
                    + " asks for a coupon that cannot be issued: " + invalid.getMessage());
        }
    }

    /** Orders received, re-routed, status changes...: nothing for coupons. */
    @KafkaHandler(isDefault = true)
    void otherOrderEvent(Object event) {
        log.trace("Not a coupon matter: {}", event.getClass().getSimpleName());
    }
}
