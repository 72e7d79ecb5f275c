package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import io.omnihub.inventory.stock.StockStore.PairChange;
import io.omnihub.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Newest-wins figures and the availability outbox against a real MongoDB-wire server, without Kafka. */
@DataMongoTest
@Import({StockService.class, StockStore.class, AvailabilityOutbox.class, StockServiceIT.Policies.class})
@RecordApplicationEvents
class StockServiceIT {

    private static final String EAN = "7891000000007";
    private static final String OTHER_EAN = "7891000015834";
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("inventory-stock-" + UUID.randomUUID()));
    }

    @Autowired
    StockService stock;

    @Autowired
    StockStore store;

    @Autowired
    AvailabilityOutbox outbox;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Test
    void anOlderFigureArrivingAfterANewerOneChangesNothing() {
        String store = store();
        stock.apply(report(store, 4, TUESDAY, 1));

        boolean applied = stock.apply(report(store, 10, MONDAY, 500));

        assertThat(applied).isFalse();
        StockLevel level = stored(store);
        assertThat(level.onHand()).isEqualTo(4);
        assertThat(level.asOf()).isEqualTo(TUESDAY);
        assertThat(level.version()).isEqualTo(1);
        assertThat(level.revision()).isEqualTo(1);
    }

    @Test
    void aRedeliveredFigureWritesNothingAndAnnouncesNothing() {
        String store = store();
        StockReport figure = report(store, 10, MONDAY, 1);
        stock.apply(figure);
        StockLevel before = stored(store);
        List<AvailabilityOutbox.Entry> entries = entriesOf(store);
        events.clear();

        boolean applied = stock.apply(figure);

        assertThat(applied).isFalse();
        assertThat(stored(store)).isEqualTo(before);
        assertThat(events.stream(AvailabilityOutboxOpened.class)).isEmpty();
        assertThat(events.stream(AvailabilityPending.class)).isEmpty();
        assertThat(entriesOf(store)).isEqualTo(entries);
    }

    @Test
    void aChangeIsNamedInAnOutboxEntryStoredBeforeItAndHandedToTheRelayAfter() {
        String store = store();

        stock.apply(report(store, 10, MONDAY, 1));

        StockLevel level = stored(store);
        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.safetyStock()).isEqualTo(1);
        assertThat(level.available()).isEqualTo(9);
        assertThat(level.version()).isEqualTo(1);
        List<AvailabilityOutbox.Entry> entries = entriesOf(store);
        assertThat(entries).singleElement().extracting(AvailabilityOutbox.Entry::pairs)
                .isEqualTo(List.of(StockLevel.id(store, EAN)));
        String entryId = entries.get(0).id();
        assertThat(events.stream(AvailabilityOutboxOpened.class)).contains(new AvailabilityOutboxOpened(entryId));
        assertThat(events.stream(AvailabilityPending.class)).contains(new AvailabilityPending(entryId,
                List.of(new PendingAvailability(store, EAN, 9, 10, 0, MONDAY, 1))));
    }

    @Test
    void theStockDocumentsCarryNoOutboxMarkAndNoUniqueIndexButTheId() {
        String store = store();

        stock.applyAll(List.of(report(store, 10, MONDAY, 1), report(store, OTHER_EAN, 5, MONDAY, 2)));

        org.bson.Document document = mongo.getCollection("stock")
                .find(new org.bson.Document("_id", StockLevel.id(store, EAN))).first();
        assertThat(document).doesNotContainKeys("pending", "unpublished", "publishedVersion");
        assertThat(mongo.indexOps("stock").getIndexInfo()).filteredOn(index -> index.isUnique())
                .extracting(index -> index.getName()).doesNotContain("token", "pending");
        assertThat(entriesOf(store)).singleElement().extracting(AvailabilityOutbox.Entry::pairs)
                .isEqualTo(List.of(StockLevel.id(store, EAN), StockLevel.id(store, OTHER_EAN)));
    }

    @Test
    void afterACrashAnEntryGivesItsPairsAvailabilityAsStoredAndNothingForAWriteThatNeverHappened() {
        String store = store();
        // a batch whose entry and bulk write were stored, then the process died before the relay sent anything
        stock.applyAll(List.of(report(store, 10, MONDAY, 1), report(store, OTHER_EAN, 5, MONDAY, 2)));
        // a later change of one pair, also unsent
        stock.apply(report(store, 6, TUESDAY, 3));
        // and an entry whose bulk write never ran: the process died right after storing it
        String neverWritten = StockLevel.id(store, "7891000000014");
        outbox.store(outbox.entry(List.of(neverWritten, StockLevel.id(store, OTHER_EAN))));

        List<AvailabilityOutbox.Entry> left = entriesOf(store);
        List<PendingAvailability> announced = outbox.current(left.stream()
                .flatMap(entry -> entry.pairs().stream()).distinct().toList());

        assertThat(left).hasSize(3);
        assertThat(announced).extracting(PendingAvailability::ean, PendingAvailability::onHand,
                PendingAvailability::version).containsExactlyInAnyOrder(tuple(EAN, 6L, 2L), tuple(OTHER_EAN, 5L, 1L));

        outbox.close(left.stream().map(AvailabilityOutbox.Entry::id).toList());
        assertThat(entriesOf(store)).isEmpty();
    }

    @Test
    void theAvailabilityOfAChangeCarriesTheCorrelationIdOfItsCause() {
        String store = store();
        stock.applyAll(List.of(new StockReport(store, EAN, 10, MONDAY, null, "imp-1", 1, MONDAY, "import-1")));

        try (var scope = io.omnihub.platform.web.CorrelationId.open("order-post-7")) {
            stock.hold(store, EAN, "cmd-1", "ful-1", 2, TUESDAY);
        }
        // a figure that changes no availability keeps the id of the version it does not move
        stock.applyAll(List.of(new StockReport(store, EAN, 10, TUESDAY, null, "imp-2", 1, TUESDAY, "import-2")));

        assertThat(stored(store).version()).isEqualTo(2);
        assertThat(stored(store).correlationId()).isEqualTo("order-post-7");
        assertThat(events.stream(AvailabilityPending.class).flatMap(pending -> pending.availability().stream())
                .filter(availability -> availability.storeId().equals(store)))
                .extracting(PendingAvailability::version, PendingAvailability::correlationId)
                .containsExactly(tuple(1L, "import-1"), tuple(2L, "order-post-7"));
    }

    @Test
    void figuresRacingInAnyOrderLeaveTheNewest() throws Exception {
        String store = store();
        List<StockReport> figures = new ArrayList<>();
        for (int row = 1; row <= 40; row++) {
            figures.add(report(store, row, row % 2 == 0 ? TUESDAY : MONDAY, row));
        }
        Collections.shuffle(figures, new Random(7));

        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> applies = figures.stream()
                    .<Callable<Boolean>>map(figure -> () -> stock.apply(figure)).toList();
            for (Future<Boolean> result : pool.invokeAll(applies)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        StockLevel level = stored(store);
        assertThat(level.onHand()).isEqualTo(40);
        assertThat(level.asOf()).isEqualTo(TUESDAY);
        assertThat(level.available()).isEqualTo(39);
    }

    @Test
    void aBatchStoresEachPairsNewestFigureWithOneWriteAndItsRedeliveryStoresNothing() {
        String store = store();
        List<StockReport> batch = List.of(report(store, 10, TUESDAY, 1), report(store, 4, MONDAY, 2),
                report(store, OTHER_EAN, 3, MONDAY, 3), report(store, 7, TUESDAY, 4));

        int written = stock.applyAll(batch);

        assertThat(written).isEqualTo(2);
        StockLevel level = stored(store);
        assertThat(level.onHand()).isEqualTo(7);
        assertThat(level.source()).isEqualTo(new StockLevel.Source("imp-4", 4));
        assertThat(level.revision()).isEqualTo(1);
        assertThat(mongo.findById(StockLevel.id(store, OTHER_EAN), StockLevel.class).onHand()).isEqualTo(3);
        assertThat(events.stream(AvailabilityPending.class).flatMap(pending -> pending.availability().stream()))
                .extracting(PendingAvailability::ean, PendingAvailability::onHand)
                .containsExactlyInAnyOrder(tuple(EAN, 7L), tuple(OTHER_EAN, 3L));
        assertThat(entriesOf(store)).hasSize(1);
        events.clear();

        assertThat(stock.applyAll(batch)).isZero();
        assertThat(stored(store)).isEqualTo(level);
        // (written as new first, a first load's way, it leaves an outbox entry naming nothing written: no event)
        assertThat(events.stream(AvailabilityPending.class).flatMap(pending -> pending.availability().stream()))
                .isEmpty();
    }

    @Test
    void aBatchWritePartlyLostToAConcurrentReservationIsDecidedAgainOnTheFreshState() {
        String store = store();
        stock.applyAll(List.of(report(store, 10, MONDAY, 1), report(store, OTHER_EAN, 10, MONDAY, 2)));
        AtomicInteger decisionsOfOther = new AtomicInteger();

        var written = this.store.changeAll(List.of(
                new PairChange(store, EAN, level -> level.report(report(store, 6, TUESDAY, 3), policy(),
                        clock.instant())),
                new PairChange(store, OTHER_EAN, level -> {
                    if (decisionsOfOther.incrementAndGet() == 1) {
                        // an order holds 3 units between this batch's read and its write
                        stock.hold(store, OTHER_EAN, "cmd-race", "ful-race", 3, TUESDAY);
                    }
                    return level.report(report(store, OTHER_EAN, 8, TUESDAY, 4), policy(), clock.instant());
                })));

        assertThat(written).containsOnlyKeys(StockLevel.id(store, EAN), StockLevel.id(store, OTHER_EAN));
        assertThat(decisionsOfOther).hasValue(2);
        assertThat(stored(store).onHand()).isEqualTo(6);
        assertThat(stored(store).revision()).isEqualTo(2);
        StockLevel other = mongo.findById(StockLevel.id(store, OTHER_EAN), StockLevel.class);
        assertThat(other.onHand()).isEqualTo(8);
        assertThat(other.reserved()).isEqualTo(3);
        assertThat(other.available()).isEqualTo(8 - 3 - 1);
        assertThat(other.revision()).isEqualTo(3);
    }

    @Test
    void ofTwoWritersThatReadTheSameStateOfAPairExactlyOneWinsAndTheOtherDecidesAgainOnItsWrite() throws Exception {
        String store = store();
        stock.apply(report(store, 10, MONDAY, 1));
        long revision = stored(store).revision();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicInteger decisions = new AtomicInteger();
        List<Callable<Optional<StockLevel>>> writers = new ArrayList<>();
        for (String fulfillment : List.of("ful-1", "ful-2")) {
            AtomicInteger mine = new AtomicInteger();
            writers.add(() -> this.store.change(store, EAN, level -> {
                decisions.incrementAndGet();
                if (mine.incrementAndGet() == 1) {
                    // both decide on the same state before either writes
                    await(bothRead);
                }
                return level.hold("cmd-" + fulfillment, fulfillment, 2, MONDAY, policy(), clock.instant()).next();
            }));
        }

        var pool = Executors.newFixedThreadPool(2);
        try {
            for (Future<Optional<StockLevel>> written : pool.invokeAll(writers)) {
                assertThat(written.get()).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }

        // one write matched the state both read; the other matched nothing and was decided again on the winner's
        assertThat(decisions).hasValue(3);
        StockLevel level = stored(store);
        assertThat(level.reserved()).isEqualTo(4);
        assertThat(level.holds()).hasSize(2);
        assertThat(level.revision()).isEqualTo(revision + 2);
    }

    @Test
    void aUniqueTokenIndexLeftByAnEarlierVersionIsDroppedAtStart() {
        mongo.indexOps("stock").createIndex(new org.springframework.data.mongodb.core.index.Index("token",
                org.springframework.data.domain.Sort.Direction.ASC).named("token").unique());

        new StockStore(mongo, outbox, event -> { });

        assertThat(mongo.indexOps("stock").getIndexInfo()).extracting(index -> index.getName())
                .doesNotContain("token");
    }

    @Test
    void batchesRacingOverTheSamePairsLeaveEachOnesNewest() throws Exception {
        String store = store();
        List<String> eans = List.of(EAN, OTHER_EAN, "7891000000014", "7891000000021");
        List<StockReport> figures = new ArrayList<>();
        for (int row = 1; row <= 60; row++) {
            figures.add(report(store, eans.get(row % eans.size()), row, row % 3 == 0 ? TUESDAY : MONDAY, row));
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> batches = new ArrayList<>();
            for (int replica = 0; replica < 4; replica++) {
                List<StockReport> shuffled = new ArrayList<>(figures);
                Collections.shuffle(shuffled, new Random(replica));
                for (int from = 0; from < shuffled.size(); from += 15) {
                    List<StockReport> batch = shuffled.subList(from, from + 15);
                    batches.add(() -> stock.applyAll(batch));
                }
            }
            for (Future<Integer> result : pool.invokeAll(batches)) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (String ean : eans) {
            StockReport newest = figures.stream().filter(figure -> figure.ean().equals(ean))
                    .max(Comparator.comparing(StockReport::sequence)).orElseThrow();
            StockLevel level = mongo.findById(StockLevel.id(store, ean), StockLevel.class);
            assertThat(level.onHand()).as(ean).isEqualTo(newest.quantity());
            assertThat(level.isWhole()).isTrue();
        }
    }

    @Test
    void inAFirstLoadTheFiguresOfPairsAlreadyStoredAreDecidedOnTheirStoredStateNeitherLostNorStaleWinning() {
        String store = store();
        stock.applyAll(List.of(report(store, 4, TUESDAY, 1), report(store, OTHER_EAN, 5, MONDAY, 2)));
        stock.applyAll(newPairs(store, "first", 3));
        assertThat(this.store.insertsFiguresFirst()).isTrue();
        events.clear();

        int written = stock.applyAll(List.of(report(store, 10, MONDAY, 10), report(store, OTHER_EAN, 8, TUESDAY, 11),
                report(store, "new-a", 3, MONDAY, 12), report(store, "new-b", 2, MONDAY, 13),
                report(store, "new-c", 1, MONDAY, 14)));

        assertThat(written).isEqualTo(4);
        StockLevel stale = stored(store);
        assertThat(stale.onHand()).isEqualTo(4);
        assertThat(stale.asOf()).isEqualTo(TUESDAY);
        assertThat(stale.revision()).isEqualTo(1);
        StockLevel newer = mongo.findById(StockLevel.id(store, OTHER_EAN), StockLevel.class);
        assertThat(newer.onHand()).isEqualTo(8);
        assertThat(newer.revision()).isEqualTo(2);
        assertThat(newer.version()).isEqualTo(2);
        assertThat(mongo.findById(StockLevel.id(store, "new-a"), StockLevel.class).onHand()).isEqualTo(3);
        assertThat(events.stream(AvailabilityPending.class).flatMap(pending -> pending.availability().stream()))
                .extracting(PendingAvailability::ean, PendingAvailability::onHand, PendingAvailability::version)
                .containsExactlyInAnyOrder(tuple(OTHER_EAN, 8L, 2L), tuple("new-a", 3L, 1L), tuple("new-b", 2L, 1L),
                        tuple("new-c", 1L, 1L));
    }

    @Test
    void inAFirstLoadFullFiguresOfStoredPairsCountForTheirSnapshotAndRecordTheirDrift() {
        String store = store();
        stock.applyAll(List.of(report(store, 10, MONDAY, 1), report(store, OTHER_EAN, 5, TUESDAY, 2)));
        stock.applyAll(newPairs(store, "first", 3));
        assertThat(this.store.insertsFiguresFirst()).isTrue();

        stock.applyAll(List.of(full(store, EAN, 7, TUESDAY, 10), full(store, OTHER_EAN, 9, MONDAY, 11),
                full(store, "new-a", 3, TUESDAY, 12), full(store, "new-b", 3, TUESDAY, 13),
                full(store, "new-c", 3, TUESDAY, 14)));

        StockLevel drifted = stored(store);
        assertThat(drifted.onHand()).isEqualTo(7);
        assertThat(drifted.drift()).isEqualTo(new StockLevel.Drift("snap-1", 10, 7));
        assertThat(drifted.snapshots()).containsExactly("snap-1");
        StockLevel staleButPresent = mongo.findById(StockLevel.id(store, OTHER_EAN), StockLevel.class);
        assertThat(staleButPresent.onHand()).isEqualTo(5);
        assertThat(staleButPresent.snapshots()).containsExactly("snap-1");
        assertThat(staleButPresent.snapshotRows()).containsExactly(new StockLevel.SnapshotRows("snap-1", List.of(11L)));
        assertThat(mongo.findById(StockLevel.id(store, "new-a"), StockLevel.class).drift()).isNull();
    }

    @Test
    void aChangeThatLeavesAnAbsentPairAloneIsStillAppliedToTheStoredOneWhenInsertingFirst() {
        String store = store();
        stock.apply(report(store, 10, MONDAY, 1));
        stock.applyAll(newPairs(store, "first", 3));
        assertThat(this.store.insertsFiguresFirst()).isTrue();

        var written = this.store.changeFigures(List.of(
                new PairChange(store, EAN, level -> level.isStored()
                        ? level.report(report(store, 6, TUESDAY, 2), policy(), clock.instant()) : Optional.empty()),
                new PairChange(store, OTHER_EAN, level -> level.isStored()
                        ? level.report(report(store, OTHER_EAN, 6, TUESDAY, 3), policy(), clock.instant())
                        : Optional.empty())));

        assertThat(written).containsOnlyKeys(StockLevel.id(store, EAN));
        assertThat(stored(store).onHand()).isEqualTo(6);
        assertThat(mongo.findById(StockLevel.id(store, OTHER_EAN), StockLevel.class)).isNull();
    }

    @Test
    void aBatchThatFindsMostOfItsPairsStoredMakesTheNextReadFirst() {
        String store = store();
        stock.applyAll(newPairs(store, "first", 4));
        assertThat(this.store.insertsFiguresFirst()).isTrue();

        List<StockReport> again = newPairs(store, "first", 4).stream().map(figure -> new StockReport(
                figure.storeId(), figure.ean(), figure.quantity() + 1, TUESDAY, null, "imp-again", figure.row(),
                TUESDAY)).toList();
        assertThat(stock.applyAll(again)).isEqualTo(4);

        assertThat(this.store.insertsFiguresFirst()).isFalse();
        assertThat(again).allSatisfy(figure -> assertThat(mongo.findById(StockLevel.id(store, figure.ean()),
                StockLevel.class).onHand()).isEqualTo(figure.quantity()));
    }

    @Test
    void aBatchOfMoreStoredPairsThanOneReadTakesDecidesEveryPairOnItsStoredStateInOneRound() {
        String store = store();
        int pairs = 2 * StockStore.READ_CHUNK + 7;
        List<StockReport> stored = newPairs(store, "many", pairs);
        stock.applyAll(stored);
        // a redelivery of two stored pairs: the batch finds them stored, so the next batch reads first
        stock.applyAll(stored.subList(0, 2));
        assertThat(this.store.insertsFiguresFirst()).isFalse();
        List<AvailabilityOutbox.Entry> entriesBefore = entriesOf(store);
        events.clear();
        // every other pair gets a newer figure, the others an older one that must not win
        List<StockReport> batch = new ArrayList<>();
        List<String> newer = new ArrayList<>();
        for (int n = 0; n < pairs; n++) {
            StockReport figure = stored.get(n);
            boolean later = n % 2 == 0;
            batch.add(new StockReport(store, figure.ean(), figure.quantity() + 100,
                    later ? TUESDAY : MONDAY.minusSeconds(60), null, "imp-batch", 1_000 + n, TUESDAY));
            if (later) {
                newer.add(StockLevel.id(store, figure.ean()));
            }
        }

        int written = stock.applyAll(batch);

        assertThat(written).isEqualTo(newer.size());
        for (int n = 0; n < pairs; n++) {
            StockLevel level = mongo.findById(StockLevel.id(store, stored.get(n).ean()), StockLevel.class);
            long expected = stored.get(n).quantity() + (n % 2 == 0 ? 100 : 0);
            assertThat(level.onHand()).as("pair %d", n).isEqualTo(expected);
            assertThat(level.revision()).as("pair %d", n).isEqualTo(n % 2 == 0 ? 2 : 1);
        }
        // one round: every stored pair was read (none taken for new and written blind), one entry for the batch
        assertThat(events.stream(AvailabilityOutboxOpened.class)).hasSize(1);
        assertThat(entriesOf(store).stream().filter(entry -> !entriesBefore.contains(entry)))
                .flatExtracting(AvailabilityOutbox.Entry::pairs).containsExactlyInAnyOrderElementsOf(newer);
    }

    @Test
    void aWriteReplacesTheWholeDocumentLeavingNoFieldTheNewStateLacks() {
        String store = store();
        stock.apply(report(store, 10, MONDAY, 1));
        // a field of some earlier version's, which the state read does not know
        mongo.getCollection("stock").updateOne(new org.bson.Document("_id", StockLevel.id(store, EAN)),
                new org.bson.Document("$set", new org.bson.Document("formerMark", true)));

        stock.apply(report(store, 6, TUESDAY, 2));

        org.bson.Document written = document(store);
        assertThat(written).doesNotContainKey("formerMark").doesNotContainKey("_class")
                .containsEntry("_id", StockLevel.id(store, EAN));
        assertThat(written.keySet()).contains("storeId", "ean", "onHand", "asOf", "sequence", "token");
        assertThat(stored(store).onHand()).isEqualTo(6);
        assertThat(stored(store).revision()).isEqualTo(2);
    }

    @Test
    void aStoredDocumentCarriesItsDigestInItsTokenOnly() {
        String store = store();

        stock.apply(report(store, 10, MONDAY, 1));

        org.bson.Document written = document(store);
        assertThat(written).doesNotContainKey("digest");
        assertThat(WriteTokens.digestOf(written.getString("token"))).isEqualTo(stored(store).contentDigest());
        assertThat(StockStore.level(mongo, written).isWhole()).isTrue();
    }

    @Test
    void aDocumentReadWithTheTokenOfAnotherStateIsNeverWrittenOver() {
        String store = store();
        stock.apply(report(store, 10, MONDAY, 1));
        StockLevel before = stored(store);
        // as a read torn between two writes would answer: these fields, the token another state was written with
        mongo.getCollection("stock").updateOne(new org.bson.Document("_id", StockLevel.id(store, EAN)),
                new org.bson.Document("$set", new org.bson.Document("token",
                        WriteTokens.next("fedcba9876543210fedcba98"))));

        assertThatThrownBy(() -> stock.apply(report(store, 6, TUESDAY, 2))).isInstanceOf(StockConflictException.class);

        assertThat(stored(store)).isEqualTo(before);
    }

    @Test
    void eachWriteGivesTheDocumentANewTokenLaterThanTheLast() {
        String store = store();
        stock.apply(report(store, 10, MONDAY, 1));
        String first = document(store).getString("token");

        stock.apply(report(store, 6, TUESDAY, 2));

        String second = document(store).getString("token");
        assertThat(second).isGreaterThan(first);
        assertThat(WriteTokens.carries(second, stored(store).contentDigest())).isTrue();
        assertThat(WriteTokens.carries(first, stored(store).contentDigest())).isFalse();
    }

    @Test
    void aReconfiguredSafetyStockAppliesToStockAlreadyHeld() {
        String store = store();
        stock.apply(report(store, 10, MONDAY, 1));
        var reconfigured = new StockService(this.store, mongo, new AvailabilityPolicy(1, Map.of(store, 4L), Map.of()),
                clock);

        long changed = reconfigured.recalculate();

        assertThat(changed).isGreaterThanOrEqualTo(1);
        assertThat(stored(store).available()).isEqualTo(6);
        assertThat(stored(store).version()).isEqualTo(2);
        assertThat(reconfigured.recalculate()).isZero();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other writer never read the pair", e);
        }
    }

    private org.bson.Document document(String store) {
        return mongo.getCollection("stock").find(new org.bson.Document("_id", StockLevel.id(store, EAN))).first();
    }

    private StockLevel stored(String store) {
        return mongo.findById(StockLevel.id(store, EAN), StockLevel.class);
    }

    /** The stored outbox entries naming pairs of the store, oldest first. */
    private List<AvailabilityOutbox.Entry> entriesOf(String store) {
        return outbox.stored(10_000).stream()
                .filter(entry -> entry.pairs().stream().anyMatch(pair -> pair.startsWith(store + ":"))).toList();
    }

    private static AvailabilityPolicy policy() {
        return new AvailabilityPolicy(1, Map.of(), Map.of());
    }

    private static String store() {
        return "S-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static StockReport report(String store, long quantity, Instant asOf, long row) {
        return report(store, EAN, quantity, asOf, row);
    }

    /** Figures of pairs never stored before, as a first load brings them. */
    private static List<StockReport> newPairs(String store, String prefix, int count) {
        List<StockReport> figures = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            figures.add(report(store, prefix + "-" + n, n, MONDAY, 100 + n));
        }
        return figures;
    }

    private static StockReport full(String store, String ean, long quantity, Instant asOf, long row) {
        return new StockReport(store, ean, quantity, asOf, "snap-1", "imp-" + row, row, asOf.plusSeconds(60));
    }

    private static StockReport report(String store, String ean, long quantity, Instant asOf, long row) {
        return new StockReport(store, ean, quantity, asOf, null, "imp-" + row, row, asOf.plusSeconds(60));
    }

    @TestConfiguration
    static class Policies {

        @Bean
        AvailabilityPolicy availabilityPolicy() {
            return policy();
        }

        @Bean
        Clock clock() {
            return Clock.tick(Clock.system(ZoneOffset.UTC), Duration.ofMillis(1));
        }
    }
}
