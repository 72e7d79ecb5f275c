package io.omnihub.order.erp;

import io.omnihub.order.model.ErpPush;
import io.omnihub.order.model.Fulfillment;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.store.Store;
import io.omnihub.order.store.Stores;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.order.system.OrderProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes assignments to the ERP endpoints of stores that have one, every {@code erp-push.interval}: each
 * fulfilment still ASSIGNED whose push is due. Success and failure are stored on the fulfilment
 * ({@code erpPush}: attempts, last error, next attempt, doubling up to {@code max-retry-after}), so a restart or
 * an ERP down for hours loses nothing; the Kafka event and polling work meanwhile.
 */
@Component
class ErpPusher extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(ErpPusher.class);

    ErpPusher(OrderRepository orders, Stores stores, ErpClient client, JsonMapper json, OrderProperties properties,
            Clock clock) {
        // the pushes due are found through the nextErpPush index, a few entries read whatever the number of orders
        super("order-erp-push", properties.erpPush().interval(), true,
                () -> pushDue(orders, stores, client, json, properties.erpPush(), clock));
    }

    private static void pushDue(OrderRepository orders, Stores stores, ErpClient client, JsonMapper json,
            OrderProperties.ErpPushProperties properties, Clock clock) {
        for (String orderId : orders.erpPushDue(clock.instant(), 100)) {
            Order order = orders.find(orderId).orElse(null);
            if (order == null) {
                continue;
            }
            for (Fulfillment fulfillment : order.erpPushesDue(clock.instant())) {
                Optional<Store> store = stores.find(fulfillment.storeId()).filter(s -> s.erpEndpoint() != null);
                if (store.isEmpty()) {
                    orders.change(orderId, fresh -> {
                        fresh.erpPushed(fulfillment.id(), ErpPush::abandoned, clock.instant());
                        return null;
                    });
                    continue;
                }
                try {
                    client.push(store.get(), fulfillment.id() + ":assigned",
                            json.writeValueAsBytes(order.assignedEvent(fulfillment)));
                    orders.change(orderId, fresh -> {
                        fresh.erpPushed(fulfillment.id(), push -> push.delivered(clock.instant()), clock.instant());
                        return null;
                    });
                } catch (Exception e) {
                    int failed = fulfillment.erpPush().attempts() + 1;
                    Instant next = clock.instant().plus(ErpClient.retryAfter(properties, failed));
                    log.info("Push of {} to {}'s ERP failed ({} so far), next at {}: {}", fulfillment.id(),
                            fulfillment.storeId(), failed, next, e.toString());
                    orders.change(orderId, fresh -> {
                        fresh.erpPushed(fulfillment.id(), push -> push.failed(e.toString(), next), clock.instant());
                        return null;
                    });
                }
            }
        }
    }
}
