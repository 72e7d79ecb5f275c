package io.omnihub.order.intake;

import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.Customer;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.model.Acceptance;
import io.omnihub.order.model.ErpPush;
import io.omnihub.order.model.Exclusion;
import io.omnihub.order.model.Fulfillment;
import io.omnihub.order.model.FulfillmentLine;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderLine;
import io.omnihub.order.model.OrderStatus;
import io.omnihub.order.model.ReturnRecord;
import io.omnihub.order.model.RoutingDecision;
import io.omnihub.order.model.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An order as {@code GET /orders/{id}} shows it: lines, fulfilments with their timelines, routing decisions. */
public record OrderResponse(String orderId, String siteId, String channelOrderId, Journey journey, OrderStatus status,
        Customer customer, Address shippingAddress, String pickupStoreId, List<Line> lines,
        List<FulfillmentResponse> fulfillments, List<RoutingDecision> routing, List<Exclusion> excludedStores,
        Instant receivedAt, Instant updatedAt) {

    public static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.siteId(), order.channelOrderId(), order.journey(), order.status(),
                order.customer(), order.shippingAddress(), order.pickupStoreId(),
                order.lines().stream().map(line -> Line.of(order, line)).toList(),
                order.fulfillments().stream().map(fulfillment -> FulfillmentResponse.of(order, fulfillment)).toList(),
                order.decisions(), order.exclusions(), order.receivedAt(), order.updatedAt());
    }

    /**
     * A line and where it stands: {@code status} is ROUTING while units wait for a store, UNFULFILLABLE when no
     * store can take any, PARTIALLY_UNFULFILLABLE when some, else PLACED.
     */
    public record Line(String ean, String reference, String name, String brand, String category, long quantity,
            BigDecimal unitPrice, BigDecimal catalogPrice, long unfulfillable, String status) {

        static Line of(Order order, OrderLine line) {
            boolean open = order.toRoute().stream().anyMatch(quantity -> quantity.ean().equals(line.ean()));
            String status = line.unfulfillable() >= line.quantity() ? "UNFULFILLABLE"
                    : line.unfulfillable() > 0 ? "PARTIALLY_UNFULFILLABLE" : open ? "ROUTING" : "PLACED";
            return new Line(line.ean(), line.reference(), line.name(), line.brand(), line.category(), line.quantity(),
                    line.unitPrice(), line.catalogPrice(), line.unfulfillable(), status);
        }
    }

    /** A fulfilment as its store (and the channel) sees it. */
    public record FulfillmentResponse(String fulfillmentId, String orderId, String siteId, String channelOrderId,
            String storeId, Journey journey, FulfillmentStatus status, int statusCode, List<FulfillmentLineResponse> lines,
            Customer customer, Address shippingAddress, Instant createdAt, Instant assignedAt, Instant acceptBy,
            Acceptance acceptance, String carrier, String trackingCode, String reservation, boolean rerouted,
            ErpPush erpPush, List<TimelineEntry> timeline, List<ReturnRecord> returns) {

        public static FulfillmentResponse of(Order order, Fulfillment fulfillment) {
            return new FulfillmentResponse(fulfillment.id(), order.id(), order.siteId(), order.channelOrderId(),
                    fulfillment.storeId(), order.journey(), fulfillment.status(), fulfillment.status().code(),
                    fulfillment.lines().stream().map(FulfillmentLineResponse::of).toList(), order.customer(),
                    order.shippingAddress(), fulfillment.createdAt(), fulfillment.assignedAt(),
                    fulfillment.acceptBy(), fulfillment.acceptance(), fulfillment.carrier(),
                    fulfillment.trackingCode(), fulfillment.reservation().name(), fulfillment.rerouted(),
                    fulfillment.erpPush(), fulfillment.timeline(), fulfillment.returns());
        }
    }

    /** {@code quantity} is what the store holds now; {@code assigned} what it was asked for. */
    public record FulfillmentLineResponse(String ean, String reference, String name, long assigned, long quantity,
            long rejected, String rejectReason, long returned, BigDecimal unitPrice) {

        static FulfillmentLineResponse of(FulfillmentLine line) {
            return new FulfillmentLineResponse(line.ean(), line.reference(), line.name(), line.assigned(),
                    line.quantity(), line.rejected(), line.rejectReason(), line.returned(), line.unitPrice());
        }
    }
}
