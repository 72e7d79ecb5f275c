package io.omnihub.contracts.inventory;

import io.omnihub.contracts.EventType;
import io.omnihub.contracts.orders.StockLine;
import java.time.Instant;
import java.util.List;

/** Units a fulfilment held were given back (what was actually released). Keyed by order id on {@code inventory.reservations}. */
@EventType("io.omnihub.inventory.reservation-released")
public record ReservationReleased(String commandId, String orderId, String fulfillmentId, String storeId,
        List<StockLine> lines, String reason, Instant at) {

    public ReservationReleased {
        lines = List.copyOf(lines);
    }
}
