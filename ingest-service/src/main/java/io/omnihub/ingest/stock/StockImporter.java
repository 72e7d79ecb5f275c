package io.omnihub.ingest.stock;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.StockLevelReported;
import io.omnihub.contracts.inventory.StockMode;
import io.omnihub.contracts.inventory.StockSnapshotCompleted;
import io.omnihub.ingest.imports.Acknowledgements;
import io.omnihub.ingest.imports.ImportJob;
import io.omnihub.ingest.imports.ImportKind;
import io.omnihub.ingest.imports.ImportOutcome;
import io.omnihub.ingest.imports.Importer;
import io.omnihub.ingest.imports.PartlyImportedException;
import io.omnihub.ingest.imports.RowError;
import io.omnihub.ingest.sheet.FileFormat;
import io.omnihub.ingest.sheet.HeaderRow;
import io.omnihub.ingest.sheet.JsonItems;
import io.omnihub.ingest.sheet.Sheets;
import io.omnihub.ingest.sheet.UnreadableFileException;
import io.omnihub.platform.kafka.EventPublisher;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stock levels from Excel or JSON, partial or full by the inbox prefix. Each good row becomes a
 * {@link StockLevelReported} keyed {@code storeId:ean}. A full snapshot ends with one
 * {@link StockSnapshotCompleted} per partition, written after every row is acknowledged, so inventory can
 * tell when the whole snapshot has been applied. A page of a full-stock pull run ({@link PulledSnapshot}) is
 * not a snapshot on its own: its rows carry the run's snapshot id and its figures are kept until the run closes
 * the snapshot after its last page.
 */
@Component
class StockImporter implements Importer {

    private static final Logger log = LoggerFactory.getLogger(StockImporter.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(10);

    private final EventPublisher publisher;
    private final SnapshotMarkers markers;
    private final PulledSnapshots pulledSnapshots;
    private final JsonMapper json;
    private final ZoneId zone;

    StockImporter(EventPublisher publisher, SnapshotMarkers markers, PulledSnapshots pulledSnapshots,
            JsonMapper json, @Value("${omnihub.stock.zone:America/Sao_Paulo}") ZoneId zone) {
        this.publisher = publisher;
        this.markers = markers;
        this.pulledSnapshots = pulledSnapshots;
        this.json = json;
        this.zone = zone;
    }

    @Override
    public Set<ImportKind> kinds() {
        return Set.of(ImportKind.STOCK_FULL, ImportKind.STOCK_PARTIAL);
    }

    @Override
    public ImportOutcome run(ImportJob job, InputStream content) {
        var in = FileFormat.buffered(content);
        FileFormat format = FileFormat.sniff(in);
        var run = new Run(job);
        try {
            switch (format) {
                case XLSX, XLS -> {
                    @SuppressWarnings("unchecked")
                    HeaderRow<StockField>[] header = new HeaderRow[1];
                    Sheets.read(in, format, row -> {
                        if (row.isBlank()) {
                            return;
                        }
                        if (header[0] == null) {
                            header[0] = HeaderRow.of(StockField.class, row);
                        } else {
                            run.row(row.number(), header[0].values(row), job.receivedAt());
                        }
                    });
                    if (header[0] == null) {
                        throw new UnreadableFileException("the file is empty: no header row");
                    }
                }
                case JSON -> {
                    Map<String, JsonNode> header = new HashMap<>();
                    JsonItems.read(json, in, header, (item, position) -> run.item(item, position, header));
                }
                default -> throw FileFormat.unknown(in);
            }
        } catch (UnreadableFileException e) {
            throw run.brokenAfterRows(e, run.mode == StockMode.FULL
                    ? "; the snapshot is not closed: absent pairs are left as they are" : "");
        }
        return run.finish();
    }

    /** The state of one file being read. */
    private final class Run {

        private final ImportJob job;
        private final StockMode mode;
        /** The snapshot the rows belong to: the file's own, or its pull run's when it is one page of many. */
        private final String snapshotId;
        private final boolean pageOfPull;
        private final ImportOutcome outcome = new ImportOutcome();
        private final Acknowledgements acknowledgements = new Acknowledgements();
        private final Map<Integer, LongAdder> rowsByPartition = new ConcurrentHashMap<>();
        private final Set<String> stores = new TreeSet<>();
        private final Set<String> storesWithRejectedRows = new TreeSet<>();
        private boolean rejectedWithoutStore;
        private Instant fileAsOf;

        Run(ImportJob job) {
            this.job = job;
            this.mode = job.kind() == ImportKind.STOCK_FULL ? StockMode.FULL : StockMode.PARTIAL;
            var pull = PulledSnapshot.ofPage(job.objectKey());
            this.pageOfPull = mode == StockMode.FULL && pull.isPresent();
            this.snapshotId = mode != StockMode.FULL ? null : pull.orElse(job.id());
        }

        void item(JsonNode item, int position, Map<String, JsonNode> header) {
            if (fileAsOf == null) {
                fileAsOf = fileAsOf(header);
            }
            if (!item.isObject()) {
                outcome.rejected(new RowError(position, "item", item.toString(), "each item must be an object"));
                rejectedWithoutStore = true;
                return;
            }
            Map<StockField, String> values = new EnumMap<>(StockField.class);
            item.properties().forEach(property -> HeaderRow.byJsonName(StockField.class, property.getKey())
                    .ifPresent(field -> values.put(field, property.getValue().isValueNode()
                            ? property.getValue().asString() : property.getValue().toString())));
            row(position, values, fileAsOf);
        }

        private Instant fileAsOf(Map<String, JsonNode> header) {
            JsonNode asOf = header.get("asOf");
            if (asOf == null || asOf.isNull()) {
                return job.receivedAt();
            }
            return StockRules.time(asOf.asString(), zone).orElseThrow(() -> new UnreadableFileException(
                    "the file's asOf '" + asOf.asString() + "' is not a time (ISO-8601 or dd/MM/yyyy HH:mm)"));
        }

        void row(long number, Map<StockField, String> values, Instant defaultAsOf) {
            var result = StockRules.check(number, values, defaultAsOf, zone);
            if (result.row() == null) {
                outcome.rejected(result.errors());
                String store = values.getOrDefault(StockField.STORE, "").strip();
                if (store.isEmpty()) {
                    rejectedWithoutStore = true;
                } else {
                    storesWithRejectedRows.add(store);
                }
                return;
            }
            var row = result.row();
            var event = new StockLevelReported(row.storeId(), row.ean(), row.quantity(), row.asOf(), mode,
                    snapshotId, job.id(), number, job.receivedAt());
            try {
                var sent = publisher.publish(Topics.INVENTORY_STOCK_UPDATES,
                        StockLevelReported.key(row.storeId(), row.ean()), job.id() + ":" + number, event);
                acknowledgements.track(sent.thenAccept(result1 -> rowsByPartition.computeIfAbsent(
                        result1.getRecordMetadata().partition(), partition -> new LongAdder()).increment()));
            } catch (RuntimeException e) {
                throw new Sheets.RowHandlingException("cannot publish row " + number, e);
            }
            stores.add(row.storeId());
            outcome.accepted();
        }

        /** A break after rows were published: those rows stay imported (their events are acknowledged first). */
        UnreadableFileException brokenAfterRows(UnreadableFileException e, String consequence) {
            if (outcome.rowsRead() == 0) {
                return e;
            }
            acknowledgements.awaitAll(PUBLISH_TIMEOUT);
            return new PartlyImportedException(e, outcome, consequence);
        }

        ImportOutcome finish() {
            if (outcome.rowsRead() == 0) {
                throw new UnreadableFileException("the file has no stock rows (only a header, blank rows or an empty list)");
            }
            acknowledgements.awaitAll(PUBLISH_TIMEOUT);
            if (pageOfPull) {
                recordPage();
            } else if (mode == StockMode.FULL) {
                completeSnapshot();
            }
            return outcome;
        }

        /**
         * Names the stores whose absent pairs may become zero. A store with a rejected row is left out (a typo
         * must not wipe out its stock); a rejected row without a readable store leaves them all out.
         */
        private void completeSnapshot() {
            List<String> complete = rejectedWithoutStore ? List.of()
                    : stores.stream().filter(store -> !storesWithRejectedRows.contains(store)).toList();
            if (complete.size() < stores.size()) {
                log.info("snapshot {}: absent pairs of {} are left as they are because of rejected rows",
                        job.id(), rejectedWithoutStore ? "every store" : storesWithRejectedRows);
            }
            markers.publish(snapshotId, job.id(), complete, asOf(), rowsByPartition());
        }

        /** One page of a pull run: its figures wait for the run's last page, which closes the snapshot. */
        private void recordPage() {
            Map<String, Long> rows = new HashMap<>();
            rowsByPartition().forEach((partition, count) -> rows.put(Integer.toString(partition), count));
            pulledSnapshots.recordPage(new SnapshotPage(job.id(), snapshotId, rows, List.copyOf(stores),
                    List.copyOf(storesWithRejectedRows), rejectedWithoutStore, asOf()));
        }

        private Instant asOf() {
            return fileAsOf != null ? fileAsOf : job.receivedAt();
        }

        private Map<Integer, Long> rowsByPartition() {
            Map<Integer, Long> rows = new HashMap<>();
            rowsByPartition.forEach((partition, count) -> rows.put(partition, count.sum()));
            return rows;
        }
    }
}
