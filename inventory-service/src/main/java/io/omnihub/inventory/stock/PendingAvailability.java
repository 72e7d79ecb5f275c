package io.omnihub.inventory.stock;

import java.time.Instant;

/**
 * The availability of a pair as stored at {@code version}, waiting to be relayed to Kafka, with the correlation
 * id of the change that made that version (null when it had none).
 */
public record PendingAvailability(String storeId, String ean, long available, long onHand, long reserved,
        Instant asOf, long version, String correlationId) {

    /** Availability whose change came without a correlation id. */
    public PendingAvailability(String storeId, String ean, long available, long onHand, long reserved, Instant asOf,
            long version) {
        this(storeId, ean, available, onHand, reserved, asOf, version, null);
    }

    static PendingAvailability of(StockLevel level) {
        return new PendingAvailability(level.storeId(), level.ean(), level.available(), level.onHand(),
                level.reserved(), level.asOf(), level.version(), level.correlationId());
    }
}
