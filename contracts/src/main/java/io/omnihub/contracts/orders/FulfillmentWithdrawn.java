package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;

/**
 * A fulfilment offered to a store is no longer its to do (the order was cancelled, or the acceptance
 * deadline passed and it was re-routed). Keyed by store id on {@code orders.fulfillment-assigned}.
 */
@EventType("io.omnihub.orders.fulfillment-withdrawn")
public record FulfillmentWithdrawn(String fulfillmentId, String orderId, String storeId, String reason,
        Instant at) {
}
