package io.omnihub.order.routing;

import io.omnihub.order.model.OrderChanged;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.order.system.OrderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Routes orders that wait for it (new ones, and lines handed back by refusals, rejections and deadlines): right
 * after the write that made them wait, and every {@code work-interval} as a safety net (so what was waiting
 * before a crash is routed after the restart).
 */
@Component
class RoutingWorker extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(RoutingWorker.class);
    private static final int BATCH = 100;

    RoutingWorker(OrderRepository orders, Router router, OrderProperties properties) {
        super("order-routing", properties.workInterval(), true, () -> {
            for (String orderId : orders.routingDue(BATCH)) {
                try {
                    router.route(orderId);
                } catch (RuntimeException e) {
                    log.warn("Routing order {} failed; it is tried again: {}", orderId, e.toString());
                }
            }
        });
    }

    @EventListener
    void on(OrderChanged changed) {
        if (changed.routingDue()) {
            wake();
        }
    }
}
