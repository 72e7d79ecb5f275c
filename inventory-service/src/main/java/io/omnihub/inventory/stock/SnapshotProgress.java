package io.omnihub.inventory.stock;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far a full snapshot has been applied: which partitions' markers have been read. Markers are added with
 * one atomic {@code $addToSet} each, so the consumer that reads the last one, whichever it is, sees them all.
 *
 * @param completedPartitions the partitions whose marker has been read
 * @param rows                by partition, how many of the snapshot's rows its marker says it carried
 * @param rowsSeen            how many distinct rows of the snapshot had been applied when the last marker was read
 * @param zeroedAt            when the pairs absent from the snapshot were set to zero; null until then
 * @param zeroed              how many pairs that was
 */
@Document("snapshots")
record SnapshotProgress(@Id String snapshotId, String importId, List<String> storeIds, Instant asOf, int partitions,
        List<Integer> completedPartitions, Map<String, Long> rows, Long rowsSeen, Instant firstMarkerAt,
        Instant zeroedAt, long zeroed) {

    SnapshotProgress {
        storeIds = storeIds == null ? List.of() : List.copyOf(storeIds);
        completedPartitions = completedPartitions == null ? List.of() : List.copyOf(completedPartitions);
        rows = rows == null ? Map.of() : Map.copyOf(rows);
    }

    /** The rows the markers say the snapshot has, over every partition. */
    long rowsExpected() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean isApplied() {
        return completedPartitions.size() >= partitions;
    }
}
