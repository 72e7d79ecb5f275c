package io.omnihub.inventory.messaging;

import io.omnihub.contracts.inventory.AvailabilityChanged;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockMode;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import io.omnihub.inventory.stock.PendingAvailability;
import io.omnihub.inventory.stock.SnapshotMarker;
import io.omnihub.inventory.stock.StockReport;
import io.omnihub.platform.kafka.InvalidEventException;

/** Maps {@code inventory.stock-updates} events to stock figures and snapshot markers, and availability out. */
final class StockEvents {

    private StockEvents() {
    }

    static StockReport toReport(StockLevelReported event) {
        return toReport(event, null);
    }

    /** The figure, with the correlation id of the record that carried it. */
    static StockReport toReport(StockLevelReported event, String correlationId) {
        if (event.mode() == null) {
            throw invalid(event, "mode is required");
        }
        if (event.mode() == StockMode.FULL && event.snapshotId() == null) {
            throw invalid(event, "a FULL figure needs its snapshotId");
        }
        try {
            // a partial figure belongs to no snapshot, whatever it carries
            return new StockReport(event.storeId(), event.ean(), event.quantity(), event.asOf(),
                    event.mode() == StockMode.FULL ? event.snapshotId() : null, event.importId(), event.row(),
                    event.receivedAt(), correlationId);
        } catch (IllegalArgumentException e) {
            throw invalid(event, e.getMessage());
        }
    }

    static SnapshotMarker toMarker(StockSnapshotCompleted event) {
        try {
            return new SnapshotMarker(event.snapshotId(), event.importId(), event.storeIds(), event.asOf(),
                    event.partition(), event.partitions(), event.rowsInPartition());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("snapshot marker " + event.snapshotId() + " partition "
                    + event.partition() + ": " + e.getMessage());
        }
    }

    static AvailabilityChanged toEvent(PendingAvailability availability) {
        return new AvailabilityChanged(availability.storeId(), availability.ean(), availability.available(),
                availability.onHand(), availability.reserved(), availability.asOf(), availability.version());
    }

    static String key(PendingAvailability availability) {
        return StockLevelReported.key(availability.storeId(), availability.ean());
    }

    /** One id per version of a pair's availability: a version relayed twice is recognisably the same event. */
    static String eventId(PendingAvailability availability) {
        return key(availability) + ":" + availability.version();
    }

    private static InvalidEventException invalid(StockLevelReported event, String reason) {
        return new InvalidEventException("stock figure " + event.storeId() + ":" + event.ean() + " of "
                + event.importId() + " row " + event.row() + ": " + reason);
    }
}
