package io.omnihub.inventory.stock;

import java.time.Instant;

/**
 * The ERP's absolute on-hand quantity of one EAN at one store at {@code asOf}.
 *
 * @param snapshotId the full snapshot the figure belongs to; null for a partial update
 * @param row        the figure's row in its import
 * @param receivedAt    when omnihub received the import
 * @param correlationId the correlation id of the record that carried it (the import's, or the request's that
 *                      pushed it); null when it had none
 */
public record StockReport(String storeId, String ean, long quantity, Instant asOf, String snapshotId,
        String importId, long row, Instant receivedAt, String correlationId) {

    /** A figure that came without a correlation id. */
    public StockReport(String storeId, String ean, long quantity, Instant asOf, String snapshotId, String importId,
            long row, Instant receivedAt) {
        this(storeId, ean, quantity, asOf, snapshotId, importId, row, receivedAt, null);
    }

    public StockReport {
        requireText(storeId, "storeId");
        requireText(ean, "ean");
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative: " + quantity);
        }
        require(asOf, "asOf");
        require(receivedAt, "receivedAt");
        if (snapshotId != null && snapshotId.isBlank()) {
            throw new IllegalArgumentException("snapshotId must not be blank");
        }
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative: " + row);
        }
    }

    ReportSequence sequence() {
        return new ReportSequence(asOf, receivedAt, row);
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
