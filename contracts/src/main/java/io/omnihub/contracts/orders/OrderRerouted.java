package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Lines a store rejected (or left unanswered) were routed again. Keyed by order id on {@code orders.lifecycle}.
 *
 * @param toFulfillmentIds the new fulfilments that took the lines (empty when nothing was found)
 */
@EventType("io.omnihub.orders.order-rerouted")
public record OrderRerouted(String orderId, String siteId, String channelOrderId, String fromFulfillmentId,
        String fromStoreId, List<StockLine> lines, List<String> toFulfillmentIds, String reason, Instant at) {

    public OrderRerouted {
        lines = List.copyOf(lines);
        toFulfillmentIds = List.copyOf(toFulfillmentIds);
    }
}
