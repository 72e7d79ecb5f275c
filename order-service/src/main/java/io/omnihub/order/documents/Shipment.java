package io.omnihub.order.documents;

import io.omnihub.contracts.orders.Address;
import io.omnihub.contracts.orders.FulfillmentStatus;
import io.omnihub.contracts.orders.Journey;
import java.time.Instant;
import java.util.List;

/**
 * What the documents of one fulfilment need to know about it: who sends (the store), who receives, the references
 * printed on a label, and the statuses it went through. {@code rerouted}: its lines went to other stores.
 */
record Shipment(String fulfillmentId, String orderId, String channelOrderId, String siteId, String storeId,
        Journey journey, Party sender, Party recipient, FulfillmentStatus status, String carrier, String trackingCode,
        boolean rerouted, List<StatusChange> timeline) {

    Shipment {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    /** A name and where it is; the address may be null when nobody gave one. */
    record Party(String name, Address address) {
    }

    /** One step of a fulfilment's life; {@code reason} says why when the store or omnihub gave one. */
    record StatusChange(FulfillmentStatus status, Instant at, String reason) {
    }
}
