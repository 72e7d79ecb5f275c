package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A fulfilment (the lines one store fulfils) waits for the store's acceptance, its stock already reserved.
 * Keyed by store id on {@code orders.fulfillment-assigned}: a store's ERP reads its own key.
 *
 * @param acceptBy after this instant, an unanswered fulfilment is withdrawn and re-routed
 */
@EventType("io.omnihub.orders.fulfillment-assigned")
public record FulfillmentAssigned(String fulfillmentId, String orderId, String siteId, String channelOrderId,
        String storeId, Journey journey, List<AssignedLine> lines, Customer customer, Address shippingAddress,
        Instant acceptBy, Instant assignedAt) {

    public FulfillmentAssigned {
        lines = List.copyOf(lines);
    }
}
