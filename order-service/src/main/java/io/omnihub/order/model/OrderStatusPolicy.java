package io.omnihub.order.model;

import io.omnihub.contracts.orders.FulfillmentStatus;
import java.util.List;

/**
 * The order's overall status, from its fulfilments: ROUTING while something is being placed or reserved,
 * otherwise the least advanced of its live fulfilments (cancelled ones count only when all are);
 * UNFULFILLABLE when nothing could be placed at all.
 */
public final class OrderStatusPolicy {

    private static final List<FulfillmentStatus> PROGRESS = List.of(FulfillmentStatus.ASSIGNED,
            FulfillmentStatus.ACCEPTED, FulfillmentStatus.READY_FOR_PICKUP, FulfillmentStatus.IN_TRANSIT,
            FulfillmentStatus.DELIVERED, FulfillmentStatus.RETURNED);

    private OrderStatusPolicy() {
    }

    public static OrderStatus derive(List<OrderLine> lines, List<Fulfillment> fulfillments, boolean routingDue) {
        List<Fulfillment> live = fulfillments.stream().filter(fulfillment -> !fulfillment.rerouted()).toList();
        if (routingDue && fulfillments.isEmpty()) {
            return OrderStatus.RECEIVED;
        }
        if (routingDue || live.stream().anyMatch(fulfillment -> fulfillment.status() == FulfillmentStatus.CREATED)) {
            return OrderStatus.ROUTING;
        }
        if (live.isEmpty()) {
            boolean nothingPlaced = !lines.isEmpty()
                    && lines.stream().allMatch(line -> line.unfulfillable() >= line.quantity());
            return nothingPlaced ? OrderStatus.UNFULFILLABLE : OrderStatus.RECEIVED;
        }
        return live.stream().map(Fulfillment::status).filter(PROGRESS::contains)
                .min((a, b) -> Integer.compare(PROGRESS.indexOf(a), PROGRESS.indexOf(b)))
                .map(status -> OrderStatus.valueOf(status.name())).orElse(OrderStatus.CANCELLED);
    }
}
