package io.omnihub.order.model;

import io.omnihub.contracts.orders.FulfillmentStatus;
import java.time.Instant;

/**
 * One status change of a fulfilment, in the order they happened.
 *
 * @param reason  the store's reason code for a rejection, or the cause of a cancellation; else null
 * @param carrier the carrier named with this change, if any
 */
public record TimelineEntry(FulfillmentStatus status, Instant at, String reason, String carrier,
        String trackingCode) {
}
