package io.omnihub.contracts.inventory;

import io.omnihub.contracts.EventType;
import io.omnihub.contracts.orders.StockLine;
import java.time.Instant;
import java.util.List;

/** Every line of a {@code ReserveStock} is held at the store. Keyed by order id on {@code inventory.reservations}. */
@EventType("io.omnihub.inventory.reservation-confirmed")
public record ReservationConfirmed(String commandId, String orderId, String fulfillmentId, String storeId,
        List<StockLine> lines, Instant at) {

    public ReservationConfirmed {
        lines = List.copyOf(lines);
    }
}
