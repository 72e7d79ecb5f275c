package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;

/**
 * A fulfilment moved: assigned, accepted, rejected, in transit, delivered, ready for pickup, returned,
 * cancelled. Keyed by order id on {@code orders.lifecycle}.
 *
 * @param previous null for a new fulfilment
 * @param reason   the store's reason code for rejections, or the cause of a cancellation
 */
@EventType("io.omnihub.orders.fulfillment-status-changed")
public record FulfillmentStatusChanged(String orderId, String siteId, String channelOrderId, String fulfillmentId,
        String storeId, FulfillmentStatus status, FulfillmentStatus previous, String reason, Instant at) {
}
