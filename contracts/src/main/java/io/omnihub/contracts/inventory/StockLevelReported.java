package io.omnihub.contracts.inventory;

import io.omnihub.contracts.EventType;
import java.time.Instant;

/**
 * The ERP's on-hand quantity of one EAN at one store, absolute, at an as-of time. Keyed by
 * {@code storeId:ean} on {@code inventory.stock-updates}: every report of a pair lands on one partition, in
 * order. A report older (by {@link #asOf()}) than the one applied is ignored by the consumer.
 *
 * @param snapshotId the full snapshot this row belongs to (null for partial updates)
 * @param receivedAt when omnihub received the input
 */
@EventType("io.omnihub.inventory.stock-level-reported")
public record StockLevelReported(String storeId, String ean, long quantity, Instant asOf, StockMode mode,
        String snapshotId, String importId, long row, Instant receivedAt) {

    public static String key(String storeId, String ean) {
        return storeId + ":" + ean;
    }
}
