package io.omnihub.inventory.stock;

import java.time.Instant;
import java.util.List;

/**
 * The end of a full snapshot on one partition: every figure of the snapshot on {@code partition} has been
 * applied. The snapshot is applied in full when the markers of all {@code partitions} have been.
 *
 * @param storeIds the stores whose complete stock the snapshot is
 * @param asOf     the snapshot's time: pairs absent from it with an older figure become zero
 * @param rowsInPartition how many of the snapshot's rows were written to {@code partition}
 */
public record SnapshotMarker(String snapshotId, String importId, List<String> storeIds, Instant asOf,
        int partition, int partitions, long rowsInPartition) {

    public SnapshotMarker {
        StockReport.requireText(snapshotId, "snapshotId");
        StockReport.require(storeIds, "storeIds");
        storeIds = List.copyOf(storeIds);
        StockReport.require(asOf, "asOf");
        if (partitions < 1 || partition < 0 || partition >= partitions) {
            throw new IllegalArgumentException("partition " + partition + " of " + partitions + " does not exist");
        }
        if (rowsInPartition < 0) {
            throw new IllegalArgumentException("rowsInPartition must not be negative: " + rowsInPartition);
        }
    }
}
