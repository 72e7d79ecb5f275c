package io.omnihub.order.documents;

import java.util.List;
import java.util.Optional;

/** Reads fulfilments, as documents see them, from the orders the core of order-service keeps. */
interface Shipments {

    Optional<Shipment> byFulfillment(String fulfillmentId);

    /** Every fulfilment of the order, in the order they were created; empty when the order is unknown. */
    Optional<OrderShipments> byOrder(String orderId);

    /** An order and its fulfilments. */
    record OrderShipments(String orderId, String channelOrderId, String status, List<Shipment> fulfillments) {

        public OrderShipments {
            fulfillments = List.copyOf(fulfillments);
        }
    }
}
