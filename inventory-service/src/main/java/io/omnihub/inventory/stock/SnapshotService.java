package io.omnihub.inventory.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Full snapshots: counts their partitions' markers and, once every partition's has been read, sets the
 * absent pairs of the snapshot's stores to zero. Never before: until then some of the snapshot's figures may
 * still be on their way on another partition.
 */
@Service
public class SnapshotService {

    private static final Logger log = LoggerFactory.getLogger(SnapshotService.class);

    private final MongoTemplate mongo;
    private final StockService stock;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SnapshotService(MongoTemplate mongo, StockService stock, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.stock = stock;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records the marker (one atomic {@code $addToSet}); when it completes the set, or when it is a marker
     * read again after a crash, checks that every row the markers announce has been applied, then zeroes the
     * absent pairs (idempotent) and announces the snapshot applied. Answers whether the snapshot is applied.
     *
     * @throws SnapshotShortOfRowsException when rows announced by the markers are missing: nothing is zeroed
     */
    public boolean partitionCompleted(SnapshotMarker marker) {
        SnapshotProgress progress = record(marker);
        if (progress.partitions() != marker.partitions() || !progress.storeIds().equals(marker.storeIds())) {
            throw new IllegalArgumentException("marker of partition " + marker.partition() + " of snapshot "
                    + marker.snapshotId() + " disagrees with the first marker read (partitions or stores)");
        }
        if (!progress.isApplied()) {
            log.debug("Snapshot {}: partitions {} of {} done", marker.snapshotId(),
                    progress.completedPartitions(), progress.partitions());
            return false;
        }
        if (progress.zeroedAt() == null) {
            // every partition's marker comes after that partition's rows, so every row has been handled by now:
            // a row that is not applied was dead-lettered, and its pair must not be taken for absent
            long seen = stock.rowsOf(marker.snapshotId());
            mongo.updateFirst(Query.query(where("_id").is(progress.snapshotId())), new Update().set("rowsSeen", seen),
                    SnapshotProgress.class);
            if (seen < progress.rowsExpected()) {
                throw new SnapshotShortOfRowsException(marker.snapshotId(), seen, progress.rowsExpected());
            }
            // the marker's as-of, not the stored one: a BSON date would drop the nanoseconds figures are ordered by
            long zeroed = stock.zeroAbsentFrom(marker);
            events.publishEvent(new SnapshotApplied(marker.snapshotId(), marker.importId(), marker.storeIds(),
                    marker.asOf()));
            mongo.updateFirst(Query.query(where("_id").is(progress.snapshotId()).and("zeroedAt").isNull()),
                    new Update().set("zeroedAt", clock.instant()).set("zeroed", zeroed), SnapshotProgress.class);
        }
        return true;
    }

    private SnapshotProgress record(SnapshotMarker marker) {
        Query query = Query.query(where("_id").is(marker.snapshotId()));
        Update update = new Update().addToSet("completedPartitions", marker.partition())
                .set("rows." + marker.partition(), marker.rowsInPartition())
                .setOnInsert("importId", marker.importId()).setOnInsert("storeIds", marker.storeIds())
                .setOnInsert("asOf", marker.asOf()).setOnInsert("partitions", marker.partitions())
                .setOnInsert("firstMarkerAt", clock.instant()).setOnInsert("zeroed", 0L);
        var options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(query, update, options, SnapshotProgress.class);
        } catch (DuplicateKeyException firstMarkersRacing) {
            // two partitions' first markers upserted at once: the document exists now, this update matches it
            return mongo.findAndModify(query, update, options, SnapshotProgress.class);
        }
    }
}
