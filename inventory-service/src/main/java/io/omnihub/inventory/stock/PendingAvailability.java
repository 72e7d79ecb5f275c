package io.omnihub.inventory.stock;

import java.time.Instant;

/** The availability of a pair as stored at {@code version}, waiting to be relayed to Kafka. */
public record PendingAvailability(String storeId, String ean, long available, long onHand, long reserved,
        Instant asOf, long version) {

    static PendingAvailability of(StockLevel level) {
        return new PendingAvailability(level.storeId(), level.ean(), level.available(), level.onHand(),
                level.reserved(), level.asOf(), level.version());
    }
}
