package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Hold these units at this store for a fulfilment: all lines or none. Keyed by order id on
 * {@code orders.commands}; answered by {@code ReservationConfirmed} or {@code ReservationRefused} on
 * {@code inventory.reservations}. Idempotent by {@code commandId}: a repeated command gets the first answer again.
 */
@EventType("io.omnihub.orders.reserve-stock")
public record ReserveStock(String commandId, String orderId, String fulfillmentId, String storeId,
        List<StockLine> lines, Instant requestedAt) {

    public ReserveStock {
        lines = List.copyOf(lines);
    }
}
