package io.omnihub.ingest.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.ingest.imports.ImportJob;
import io.omnihub.ingest.imports.ImportState;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Full-stock snapshots that span the pages of a pull run: each page's import records what it added
 * ({@link SnapshotPage}); after the last page the run closes the snapshot once, for all of them.
 */
@Component
public class PulledSnapshots {

    private static final Logger log = LoggerFactory.getLogger(PulledSnapshots.class);

    private final MongoTemplate mongo;
    private final SnapshotMarkers markers;

    PulledSnapshots(MongoTemplate mongo, SnapshotMarkers markers) {
        this.mongo = mongo;
        this.markers = markers;
    }

    void recordPage(SnapshotPage page) {
        mongo.save(page);
    }

    /**
     * Publishes the end markers of the snapshot made of these page imports, all of them finished. The stores
     * named by any good row are complete, except a store with a rejected row anywhere (a typo must not wipe
     * out its stock); a rejected row without a readable store, or a page that could not be read at all,
     * leaves every store's absent pairs as they are. The as-of is the earliest page's.
     *
     * @throws IllegalStateException when a page import has not finished, or finished without its figures
     */
    public void complete(String snapshotId, Collection<ImportJob> pages) {
        if (pages.isEmpty()) {
            // a run whose first page was empty names no store: there is nothing to close
            return;
        }
        List<String> unfinished = pages.stream().filter(job -> !job.state().isFinal()).map(ImportJob::id).toList();
        if (!unfinished.isEmpty()) {
            throw new IllegalStateException("snapshot " + snapshotId + ": pages " + unfinished + " not imported yet");
        }
        boolean pageUnreadable = pages.stream().anyMatch(job -> job.state() == ImportState.REJECTED);
        List<String> imported = pages.stream().filter(job -> job.state() != ImportState.REJECTED)
                .map(ImportJob::id).toList();
        Map<String, SnapshotPage> figures = mongo.find(Query.query(where("importId").in(imported)),
                SnapshotPage.class).stream().collect(Collectors.toMap(SnapshotPage::importId, page -> page));
        List<String> missing = imported.stream().filter(id -> !figures.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("snapshot " + snapshotId + ": no figures of pages " + missing);
        }
        Map<Integer, Long> rows = new HashMap<>();
        Set<String> stores = new TreeSet<>();
        Set<String> rejected = new TreeSet<>();
        boolean rejectedWithoutStore = pageUnreadable;
        Instant asOf = null;
        for (SnapshotPage page : figures.values()) {
            page.rowsByPartition().forEach((partition, count) -> rows.merge(Integer.valueOf(partition), count,
                    Long::sum));
            stores.addAll(page.stores());
            rejected.addAll(page.storesWithRejects());
            rejectedWithoutStore |= page.rejectedWithoutStore();
            asOf = asOf == null || page.asOf().isBefore(asOf) ? page.asOf() : asOf;
        }
        List<String> complete = rejectedWithoutStore ? List.of()
                : stores.stream().filter(store -> !rejected.contains(store)).toList();
        if (complete.size() < stores.size()) {
            log.info("snapshot {}: absent pairs of {} are left as they are because of rejected rows or pages",
                    snapshotId, rejectedWithoutStore ? "every store" : rejected);
        }
        markers.publish(snapshotId, snapshotId, complete, asOf == null ? Instant.EPOCH : asOf, rows);
    }
}
