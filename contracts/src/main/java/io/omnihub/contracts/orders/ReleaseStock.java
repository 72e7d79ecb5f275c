package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Give back units a fulfilment holds (rejected, cancelled, expired): the listed quantities, at most what is
 * still held. Answered by {@code ReservationReleased}. Idempotent by {@code commandId}.
 *
 * @param reason why, as the order knows it (e.g. REJECTED:DAMAGED, CANCELLED, DEADLINE_PASSED)
 */
@EventType("io.omnihub.orders.release-stock")
public record ReleaseStock(String commandId, String orderId, String fulfillmentId, String storeId,
        List<StockLine> lines, String reason, Instant at) {

    public ReleaseStock {
        lines = List.copyOf(lines);
    }
}
