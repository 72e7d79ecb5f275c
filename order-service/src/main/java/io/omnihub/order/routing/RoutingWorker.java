package io.omnihub.order.routing;

import io.omnihub.order.model.DueOrders;
import io.omnihub.order.model.OrderChanged;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.order.system.OrderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Routes orders that wait for it (new ones, and lines handed back by refusals, rejections and deadlines): right
 * after the write that made them wait (the order named by that write), and, every {@code sweep-interval} and at
 * start, whatever MongoDB says is waiting (so what was waiting before a crash is routed after the restart).
 */
@Component
class RoutingWorker extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(RoutingWorker.class);
    private static final int BATCH = 100;

    private final DueOrders due;

    @Autowired
    RoutingWorker(OrderRepository orders, Router router, OrderProperties properties) {
        this(orders, router, properties, new DueOrders(properties.sweepInterval()));
    }

    private RoutingWorker(OrderRepository orders, Router router, OrderProperties properties, DueOrders due) {
        super("order-routing", properties.workInterval(), true, () -> {
            for (String orderId : due.take(() -> orders.routingDue(BATCH))) {
                try {
                    router.route(orderId);
                } catch (RuntimeException e) {
                    log.warn("Routing order {} failed; it is tried again: {}", orderId, e.toString());
                }
            }
        });
        this.due = due;
    }

    @Override
    public synchronized void start() {
        due.sweepNext();
        super.start();
    }

    @EventListener
    void on(OrderChanged changed) {
        if (changed.routingDue()) {
            due.announce(changed.orderId());
            wake();
        }
    }
}
