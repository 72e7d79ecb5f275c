package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * A store rejected these EANs as NOT_IN_STOCK: treat its on hand as zero as of {@code at}, until an ERP
 * figure with a later as-of says otherwise. Reservations of other orders stay held. Idempotent by
 * {@code commandId}.
 */
@EventType("io.omnihub.orders.mark-out-of-stock")
public record MarkOutOfStock(String commandId, String orderId, String fulfillmentId, String storeId,
        List<String> eans, Instant at) {

    public MarkOutOfStock {
        eans = List.copyOf(eans);
    }
}
