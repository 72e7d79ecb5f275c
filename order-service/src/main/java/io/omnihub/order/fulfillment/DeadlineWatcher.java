package io.omnihub.order.fulfillment;

import io.omnihub.order.model.OrderRepository;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.order.system.OrderProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Withdraws fulfilments their store left unanswered past the acceptance deadline (every
 * {@code deadline-interval}): the store is told, the stock released, the lines re-routed without that store.
 */
@Component
class DeadlineWatcher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);

    DeadlineWatcher(OrderRepository orders, OrderProperties properties, Clock clock) {
        super("order-deadlines", properties.deadlineInterval(), true, () -> {
            for (String orderId : orders.deadlinePassed(clock.instant(), 200)) {
                try {
                    var withdrawn = orders.change(orderId, order -> order.withdrawExpired(clock.instant()));
                    if (!withdrawn.isEmpty()) {
                        log.info("Order {}: {} withdrawn, unanswered by the deadline", orderId, withdrawn);
                    }
                } catch (RuntimeException e) {
                    log.warn("Withdrawing expired fulfilments of {} failed; tried again: {}", orderId, e.toString());
                }
            }
        });
    }
}
