package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import io.omnihub.inventory.stock.SnapshotService;
import io.omnihub.inventory.stock.SnapshotShortOfRowsException;
import io.omnihub.inventory.stock.StockReport;
import io.omnihub.inventory.stock.StockService;
import io.omnihub.platform.kafka.BatchRecords;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import io.omnihub.platform.kafka.KafkaConventionsConfiguration;
import io.omnihub.platform.web.CorrelationId;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code inventory.stock-updates} into the stock, a poll's batch at a time, each record read by its
 * {@code ce_type}: figures (newest wins, redelivery harmless) and the snapshot markers that close full snapshots
 * partition by partition. The figures before a marker are stored with one bulk write (per pair only the newest
 * ends up applied, every FULL one counts for its snapshot), then the marker is handled: a partition's rows are
 * all stored before its marker is counted. The offsets are committed once the whole batch is stored.
 *
 * <p>Correlation ids: the record interceptor that sets a record's id does not run for a batch, so each record is
 * read, and a marker handled, with its own id made current here; the figures stored by one bulk write keep theirs
 * on the figure, and each pair's availability event carries the id of the figure that changed it.
 *
 * <p>A record that cannot be read or never applied is reported by its index: the records before it are stored
 * and committed, it goes to {@code inventory.stock-updates-dlt} at once, and the rest are delivered again.
 */
@Component
class StockUpdatesListener {

    private static final Logger log = LoggerFactory.getLogger(StockUpdatesListener.class);

    private final StockService stock;
    private final SnapshotService snapshots;
    private final JsonMapper json;

    StockUpdatesListener(StockService stock, SnapshotService snapshots, JsonMapper json) {
        this.stock = stock;
        this.snapshots = snapshots;
        this.json = json;
    }

    @KafkaListener(topics = Topics.INVENTORY_STOCK_UPDATES, batch = "true",
            containerPostProcessor = KafkaConventionsConfiguration.ACKS_PER_BATCH)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<StockReport> figures = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            ConsumerRecord<String, byte[]> record = records.get(index);
            String correlationId = CloudEventHeaders.correlationId(record.headers());
            Object event;
            try (var scope = CorrelationId.open(correlationId)) {
                event = BatchRecords.read(record, json, StockLevelReported.class, StockSnapshotCompleted.class);
                if (event instanceof StockLevelReported figure) {
                    figures.add(StockEvents.toReport(figure, correlationId));
                    continue;
                }
            } catch (ConversionException | InvalidEventException unreadable) {
                store(figures);
                throw BatchRecords.unreadableAt(index, record, unreadable);
            }
            // the marker counts the rows of its partition: those before it in this batch are stored first
            store(figures);
            try (var scope = CorrelationId.open(correlationId)) {
                snapshotCompleted(index, record, (StockSnapshotCompleted) event);
            }
        }
        store(figures);
    }

    /**
     * A marker that completes a snapshot some of whose rows never arrived, or that disagrees with the first
     * marker, is dead-lettered at once, saying so: retrying cannot help (every partition's rows came before its
     * marker); replaying the missing rows, then this marker, does.
     */
    private void snapshotCompleted(int index, ConsumerRecord<String, byte[]> record, StockSnapshotCompleted event) {
        try {
            snapshots.partitionCompleted(StockEvents.toMarker(event));
        } catch (InvalidEventException invalid) {
            throw BatchRecords.unreadableAt(index, record, invalid);
        } catch (SnapshotShortOfRowsException | IllegalArgumentException refused) {
            throw BatchRecords.unreadableAt(index, record, new InvalidEventException(refused.getMessage()));
        } catch (RuntimeException failed) {
            throw new BatchListenerFailedException("snapshot marker " + event.snapshotId() + " of partition "
                    + event.partition() + " not handled", failed, index);
        }
    }

    private void store(List<StockReport> figures) {
        if (figures.isEmpty()) {
            return;
        }
        int written = stock.applyAll(figures);
        if (written < figures.size()) {
            log.debug("{} of {} stock figures changed nothing: a figure as new or newer is applied, or a later one "
                    + "of the same pair came in the same batch", figures.size() - written, figures.size());
        }
        figures.clear();
    }
}
