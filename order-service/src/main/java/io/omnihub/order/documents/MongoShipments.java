package io.omnihub.order.documents;

import io.omnihub.order.model.Fulfillment;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.TimelineEntry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link Shipments} read from the order aggregates through the core's {@link OrderRepository}; read-only. */
@Component
class MongoShipments implements Shipments {

    private final OrderRepository orders;
    private final StoreDirectory stores;

    MongoShipments(OrderRepository orders, StoreDirectory stores) {
        this.orders = orders;
        this.stores = stores;
    }

    @Override
    public Optional<Shipment> byFulfillment(String fulfillmentId) {
        return orders.findByFulfillment(fulfillmentId).flatMap(order -> order.fulfillment(fulfillmentId)
                .map(fulfillment -> shipment(order, fulfillment)));
    }

    @Override
    public Optional<OrderShipments> byOrder(String orderId) {
        return orders.find(orderId).map(order -> new OrderShipments(order.id(),
                order.channelOrderId(), order.status() == null ? null : order.status().name(),
                order.fulfillments().stream().map(fulfillment -> shipment(order, fulfillment)).toList()));
    }

    private Shipment shipment(Order order, Fulfillment fulfillment) {
        return new Shipment(fulfillment.id(), order.id(), order.channelOrderId(), order.siteId(),
                fulfillment.storeId(), order.journey(), stores.sender(fulfillment.storeId()),
                new Shipment.Party(order.customer() == null ? null : order.customer().name(), order.shippingAddress()),
                fulfillment.status(), fulfillment.carrier(), fulfillment.trackingCode(), fulfillment.rerouted(),
                fulfillment.timeline().stream().map(MongoShipments::change).toList());
    }

    private static Shipment.StatusChange change(TimelineEntry entry) {
        return new Shipment.StatusChange(entry.status(), entry.at(), entry.reason());
    }
}
