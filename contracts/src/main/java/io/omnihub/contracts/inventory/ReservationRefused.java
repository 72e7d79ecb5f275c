package io.omnihub.contracts.inventory;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/** Nothing of a {@code ReserveStock} is held: at least one line lacked stock. Keyed by order id on {@code inventory.reservations}. */
@EventType("io.omnihub.inventory.reservation-refused")
public record ReservationRefused(String commandId, String orderId, String fulfillmentId, String storeId,
        List<Shortage> shortages, Instant at) {

    public ReservationRefused {
        shortages = List.copyOf(shortages);
    }
}
