package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import io.omnihub.inventory.stock.SnapshotService;
import io.omnihub.inventory.stock.SnapshotShortOfRowsException;
import io.omnihub.inventory.stock.StockService;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * {@code inventory.stock-updates} into the stock, each record bound by its {@code ce_type}: figures (newest
 * wins, redelivery harmless) and the snapshot markers that close full snapshots partition by partition. The
 * offset is committed after the handler returned, i.e. after the figure or the zeroing is stored.
 */
@Component
@KafkaListener(topics = Topics.INVENTORY_STOCK_UPDATES)
class StockUpdatesListener {

    private static final Logger log = LoggerFactory.getLogger(StockUpdatesListener.class);

    private final StockService stock;
    private final SnapshotService snapshots;

    StockUpdatesListener(StockService stock, SnapshotService snapshots) {
        this.stock = stock;
        this.snapshots = snapshots;
    }

    @KafkaHandler
    void level(StockLevelReported event) {
        if (!stock.apply(StockEvents.toReport(event))) {
            log.debug("Stock {}:{} from {} row {} changed nothing: a figure as new or newer is applied",
                    event.storeId(), event.ean(), event.importId(), event.row());
        }
    }

    /**
     * A marker that completes a snapshot some of whose rows never arrived is dead-lettered at once, saying so:
     * retrying cannot help (every partition's rows came before its marker); replaying the missing rows, then
     * this marker, does.
     */
    @KafkaHandler
    void snapshotCompleted(StockSnapshotCompleted event) {
        try {
            snapshots.partitionCompleted(StockEvents.toMarker(event));
        } catch (SnapshotShortOfRowsException e) {
            throw new InvalidEventException(e.getMessage());
        }
    }

    /** A record without a type this topic carries is dead-lettered at once, saying so, never guessed at. */
    @KafkaHandler(isDefault = true)
    void unknown(Object event, @Header(name = CloudEventHeaders.TYPE, required = false) String type) {
        throw new InvalidEventException(Topics.INVENTORY_STOCK_UPDATES + " carries StockLevelReported and "
                + "StockSnapshotCompleted, told apart by the " + CloudEventHeaders.TYPE + " header; this record's is "
                + (type == null ? "missing" : "'" + type + "'"));
    }
}
