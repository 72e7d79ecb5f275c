package io.omnihub.contracts.inventory;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/**
 * The end of a full snapshot, written once to EVERY partition of {@code inventory.stock-updates} after all
 * of the snapshot's rows: a consumer that reads it on partition {@code partition} has applied every row of
 * the snapshot on that partition (per-partition order, one writer). When the markers of all
 * {@code partitions} have been read, the snapshot is applied in full, and only then may the stores' absent
 * pairs become zero.
 *
 * @param storeIds        the stores whose complete stock the snapshot is
 * @param asOf            the snapshot's time: pairs absent from it and older than this become zero
 * @param partition       the partition this marker was written to
 * @param partitions      how many partitions carry the snapshot (how many markers to wait for)
 * @param rowsInPartition how many of the snapshot's rows were written to this partition
 */
@EventType("io.omnihub.inventory.stock-snapshot-completed")
public record StockSnapshotCompleted(String snapshotId, String importId, List<String> storeIds, Instant asOf,
        int partition, int partitions, long rowsInPartition) {

    public StockSnapshotCompleted {
        storeIds = List.copyOf(storeIds);
    }
}
