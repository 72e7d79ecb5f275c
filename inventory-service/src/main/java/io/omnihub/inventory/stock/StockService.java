package io.omnihub.inventory.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import io.omnihub.inventory.stock.StockStore.PairChange;
import io.omnihub.platform.web.CorrelationId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Applies the ERP's stock figures, newest wins, keeps availability with them, and answers stock queries. */
@Service
public class StockService {

    private static final Logger log = LoggerFactory.getLogger(StockService.class);

    /** Pairs written per bulk write when many change at once (zeroing, recalculation). */
    private static final int CHUNK = 500;

    private final StockStore store;
    private final MongoTemplate mongo;
    private final AvailabilityPolicy policy;
    private final Clock clock;

    StockService(StockStore store, MongoTemplate mongo, AvailabilityPolicy policy, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Applies the figure unless an as new or newer one is applied already, and remembers that the pair was in
     * the figure's full snapshot either way; answers whether anything was stored. Redelivery stores nothing.
     */
    public boolean apply(StockReport report) {
        return applyAll(List.of(report)) > 0;
    }

    /**
     * Applies a batch of figures as {@link #apply} would one after the other, in their order, with one read and
     * one bulk write for the whole batch (more only when another writer changed some of its pairs meanwhile; in a
     * first load, the bulk write first and a read only of the pairs it found stored: {@link FirstLoadPolicy}):
     * per pair only the newest figure ends up applied, and every FULL figure counts for its snapshot. Answers how
     * many pairs were written.
     */
    public int applyAll(List<StockReport> reports) {
        Map<String, List<StockReport>> byPair = new LinkedHashMap<>();
        for (StockReport report : reports) {
            byPair.computeIfAbsent(StockLevel.id(report.storeId(), report.ean()), id -> new ArrayList<>()).add(report);
        }
        Instant now = clock.instant();
        List<PairChange> changes = byPair.values().stream().map(figures -> new PairChange(figures.get(0).storeId(),
                figures.get(0).ean(), level -> level.reportAll(figures, policy, now))).toList();
        return store.changeFigures(changes).size();
    }

    /**
     * Sets to zero the pairs of the snapshot's stores that were absent from it and whose figure is older than
     * it. Safe to run again, whole or after a crash half-way: a pair zeroed by this snapshot no longer matches.
     */
    long zeroAbsentFrom(SnapshotMarker snapshot) {
        if (snapshot.storeIds().isEmpty()) {
            return 0;
        }
        // the candidates by index; each is checked again on its fresh state by StockLevel before it is written
        Query candidates = Query.query(where("storeId").in(snapshot.storeIds()).and("snapshots")
                .ne(snapshot.snapshotId()).and("sequence").lt(ReportSequence.asOfKey(snapshot.asOf())));
        candidates.fields().include("_id", "storeId", "ean");
        List<Document> absent = mongo.find(candidates, Document.class, "stock");
        Instant now = clock.instant();
        String cause = CorrelationId.current();
        long zeroed = 0;
        for (int from = 0; from < absent.size(); from += CHUNK) {
            zeroed += changeAll(absent.subList(from, Math.min(absent.size(), from + CHUNK)).stream()
                    .map(pair -> new PairChange(pair.getString("storeId"), pair.getString("ean"),
                            causedBy(cause, level -> level.zeroedAbsentFrom(snapshot, policy, now))))
                    .toList());
        }
        log.info("Snapshot {}: {} pairs of {} absent from it set to zero", snapshot.snapshotId(), zeroed,
                snapshot.storeIds());
        return zeroed;
    }

    /**
     * A changed safety stock applies to the stock already held, not only to the pairs the ERP reports next; the
     * changed availability goes out like any other.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recalculateOnStart() {
        recalculate();
    }

    /** Computes every pair's availability again with the safety stock as configured now; answers how many changed. */
    long recalculate() {
        Instant now = clock.instant();
        String cause = CorrelationId.current();
        long changed = 0;
        List<PairChange> due = new ArrayList<>();
        try (Stream<StockLevel> levels = mongo.stream(new Query(), StockLevel.class)) {
            for (StockLevel level : (Iterable<StockLevel>) levels::iterator) {
                if (level.recalculated(policy, now).isPresent()) {
                    due.add(new PairChange(level.storeId(), level.ean(),
                            causedBy(cause, current -> current.recalculated(policy, now))));
                }
                if (due.size() == CHUNK) {
                    changed += changeAll(due);
                    due.clear();
                }
            }
        }
        changed += changeAll(due);
        if (changed > 0) {
            log.info("Safety stock reconfigured: the availability of {} pairs changed", changed);
        }
        return changed;
    }

    /**
     * Holds the units for the fulfilment if that many are available (one conditional write on the pair);
     * answers whether they are held and how many are available now.
     */
    public LineHold hold(String storeId, String ean, String commandId, String fulfillmentId, long quantity,
            Instant since) {
        var attempt = new AtomicReference<StockLevel.HoldAttempt>();
        change(storeId, ean, level -> {
            attempt.set(level.hold(commandId, fulfillmentId, quantity, since, policy, clock.instant()));
            return attempt.get().next();
        });
        return new LineHold(attempt.get().held(), attempt.get().available());
    }

    /**
     * Holds the units of each line (EAN → quantity, each EAN once) for the fulfilment where that many are available:
     * the lines' pairs read by one query and written by one bulk write (more only when another writer changed some
     * of them meanwhile: those are decided again on their fresh state). Each line is held or not on its own; answers,
     * by EAN, whether it is held (held by this command before included, unless taken back) and how many are
     * available now.
     */
    public Map<String, LineHold> holdAll(String storeId, Map<String, Long> quantities, String commandId,
            String fulfillmentId, Instant since) {
        String cause = CorrelationId.current();
        Map<String, AtomicReference<StockLevel.HoldAttempt>> attempts = new LinkedHashMap<>();
        List<PairChange> changes = new ArrayList<>();
        quantities.forEach((ean, quantity) -> {
            var attempt = new AtomicReference<StockLevel.HoldAttempt>();
            attempts.put(ean, attempt);
            changes.add(new PairChange(storeId, ean, causedBy(cause, level -> {
                attempt.set(level.hold(commandId, fulfillmentId, quantity, since, policy, clock.instant()));
                return attempt.get().next();
            })));
        });
        changeAll(changes);
        Map<String, LineHold> holds = new LinkedHashMap<>();
        attempts.forEach((ean, attempt) -> holds.put(ean, new LineHold(attempt.get().held(),
                attempt.get().available())));
        return holds;
    }

    /** Takes back what {@link #hold} held for the command on this pair, once, however often it is called. */
    public void undoHold(String storeId, String ean, String commandId, String fulfillmentId) {
        change(storeId, ean, level -> level.released(StockLevel.undo(commandId), fulfillmentId,
                level.applied(commandId).map(StockLevel.AppliedCommand::quantity).orElse(0L), policy,
                clock.instant()));
    }

    /** What may be promised of the pair now (0 when it has no figure). */
    public long available(String storeId, String ean) {
        return store.find(StockLevel.id(storeId, ean)).map(StockLevel::available).orElse(0L);
    }

    /**
     * Releases up to each line's quantity (EAN → quantity, each EAN once) of the fulfilment's units, all lines with
     * one read and one bulk write; answers, by EAN, how many units the command released (0 where none).
     */
    public Map<String, Long> releaseAll(String storeId, Map<String, Long> quantities, String commandId,
            String fulfillmentId) {
        Map<String, AtomicLong> released = new LinkedHashMap<>();
        changeLines(storeId, quantities, (ean, quantity) -> {
            var units = released.computeIfAbsent(ean, any -> new AtomicLong());
            return level -> {
                var next = level.released(commandId, fulfillmentId, quantity, policy, clock.instant());
                units.set(next.orElse(level).releasedBy(commandId));
                return next;
            };
        });
        Map<String, Long> answer = new LinkedHashMap<>();
        released.forEach((ean, units) -> answer.put(ean, units.get()));
        return answer;
    }

    /** The fulfilment's units of each line left the store at {@code at}: all lines with one read and one bulk write. */
    public void consumeAll(String storeId, Map<String, Long> quantities, String commandId, String fulfillmentId,
            Instant at) {
        changeLines(storeId, quantities, (ean, quantity) -> level -> level.consumed(commandId, fulfillmentId, quantity,
                at, policy, clock.instant()));
    }

    /** One change per line of the store, made for the work this thread is doing, written together. */
    private void changeLines(String storeId, Map<String, Long> quantities,
            BiFunction<String, Long, Function<StockLevel, Optional<StockLevel>>> change) {
        String cause = CorrelationId.current();
        List<PairChange> changes = new ArrayList<>();
        quantities.forEach((ean, quantity) -> changes.add(new PairChange(storeId, ean,
                causedBy(cause, change.apply(ean, quantity)))));
        changeAll(changes);
    }

    /** Returned units are back on the shelf as of {@code at}; answers whether anything changed. */
    public boolean restock(String storeId, String ean, String commandId, long quantity, Instant at) {
        return change(storeId, ean, level -> level.restocked(commandId, quantity, at, policy, clock.instant()));
    }

    /** The store has none of the EAN as of {@code at}; answers whether anything changed. */
    public boolean markOutOfStock(String storeId, String ean, String reference, Instant at) {
        return change(storeId, ean, level -> level.outOfStock(reference, at, policy, clock.instant()));
    }

    /** How many distinct rows of the full snapshot have reached the stock (applied, or stale but seen). */
    long rowsOf(String snapshotId) {
        Query members = Query.query(where("snapshots").is(snapshotId));
        members.fields().include("snapshotRows");
        long rows = 0;
        try (Stream<Document> levels = mongo.stream(members, Document.class, "stock")) {
            rows = levels.flatMap(level -> level.getList("snapshotRows", Document.class, List.of()).stream())
                    .filter(entry -> snapshotId.equals(entry.getString("snapshotId")))
                    .mapToLong(entry -> entry.getList("rows", Object.class, List.of()).size()).sum();
        }
        return rows;
    }

    /**
     * The store's pairs whose figure at the snapshot differed from what omnihub expected then, by EAN. A pair
     * that was set again by a later snapshot belongs to that one's report.
     */
    public List<PairDrift> driftOf(String snapshotId, String storeId) {
        Query query = Query.query(where("storeId").is(storeId).and("drift.snapshotId").is(snapshotId))
                .with(Sort.by("ean"));
        return mongo.find(query, StockLevel.class).stream().filter(level -> level.drift().difference() != 0)
                .map(level -> new PairDrift(level.ean(), level.drift().expected(), level.drift().reported()))
                .toList();
    }

    List<StockLevel> ofEan(String ean) {
        return mongo.find(Query.query(where("ean").is(ean)).with(Sort.by("storeId")), StockLevel.class);
    }

    StockPage ofStore(String storeId, int page, int size) {
        Query query = Query.query(where("storeId").is(storeId));
        long total = mongo.count(query, StockLevel.class);
        query.with(Sort.by("ean")).skip((long) page * size).limit(size);
        List<StockResponse> items = mongo.find(query, StockLevel.class).stream().map(StockResponse::of).toList();
        return StockPage.of(items, page, size, total);
    }

    /** A change made for the work this thread is doing: its new version carries that work's correlation id. */
    private boolean change(String storeId, String ean, Function<StockLevel, Optional<StockLevel>> change) {
        return changeAll(List.of(new PairChange(storeId, ean, causedBy(CorrelationId.current(), change)))) > 0;
    }

    private static Function<StockLevel, Optional<StockLevel>> causedBy(String correlationId,
            Function<StockLevel, Optional<StockLevel>> change) {
        return level -> change.apply(level).map(next -> next.causedBy(level, correlationId));
    }

    /** Writes the changes (their availability goes through the outbox); answers how many pairs were written. */
    private int changeAll(List<PairChange> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        return store.changeAll(changes).size();
    }
}
