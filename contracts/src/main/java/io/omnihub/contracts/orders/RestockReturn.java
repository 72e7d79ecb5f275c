package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Units returned in this store go back on hand at {@code at} (until an ERP figure with a later as-of, which
 * already counts them). Idempotent by {@code commandId}.
 */
@EventType("io.omnihub.orders.restock-return")
public record RestockReturn(String commandId, String orderId, String fulfillmentId, String storeId, String returnId,
        List<StockLine> lines, Instant at) {

    public RestockReturn {
        lines = List.copyOf(lines);
    }
}
