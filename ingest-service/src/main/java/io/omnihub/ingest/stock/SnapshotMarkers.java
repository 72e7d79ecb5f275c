package io.omnihub.ingest.stock;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import io.omnihub.ingest.imports.Acknowledgements;
import io.omnihub.platform.kafka.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Closes a full snapshot: one {@link StockSnapshotCompleted} on every partition of
 * {@code inventory.stock-updates}, with the number of the snapshot's rows that partition carries, so inventory
 * can tell when it has applied them all. Sent only after every row is acknowledged.
 */
@Component
class SnapshotMarkers {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(10);

    private final EventPublisher publisher;

    SnapshotMarkers(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * @param completeStores the stores whose absent pairs may become zero
     * @param rowsByPartition the snapshot's rows per partition (absent: none)
     */
    void publish(String snapshotId, String importId, List<String> completeStores, Instant asOf,
            Map<Integer, Long> rowsByPartition) {
        int partitions = publisher.partitionsOf(Topics.INVENTORY_STOCK_UPDATES);
        var markers = new Acknowledgements();
        for (int partition = 0; partition < partitions; partition++) {
            var marker = new StockSnapshotCompleted(snapshotId, importId, completeStores, asOf, partition, partitions,
                    rowsByPartition.getOrDefault(partition, 0L));
            markers.track(publisher.publish(Topics.INVENTORY_STOCK_UPDATES, partition, snapshotId,
                    snapshotId + ":end:" + partition, marker));
        }
        markers.awaitAll(PUBLISH_TIMEOUT);
    }
}
