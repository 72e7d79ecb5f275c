package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The held units left the store (in transit, delivered, picked up): the reservation becomes a consumption at
 * {@code at}, which keeps reducing availability until an ERP figure with a later as-of includes it.
 * Idempotent by {@code commandId}.
 */
@EventType("io.omnihub.orders.consume-stock")
public record ConsumeStock(String commandId, String orderId, String fulfillmentId, String storeId,
        List<StockLine> lines, Instant at) {

    public ConsumeStock {
        lines = List.copyOf(lines);
    }
}
