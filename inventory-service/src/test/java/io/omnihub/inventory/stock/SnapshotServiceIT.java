package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.reset;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import io.omnihub.inventory.stock.StockStore.PairChange;
import io.omnihub.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Full snapshots against a real MongoDB-wire server: absent pairs become zero once every partition's marker has
 * been read, whatever their order, never before, and exactly once even when the zeroing is redone.
 */
@DataMongoTest
@Import({SnapshotService.class, StockService.class, StockStore.class, AvailabilityOutbox.class,
        SnapshotServiceIT.Policies.class})
class SnapshotServiceIT {

    private static final Instant SUNDAY = Instant.parse("2026-11-29T09:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant SNAPSHOT_AS_OF = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-01T10:00:00Z");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("inventory-snap-" + UUID.randomUUID()));
    }

    @Autowired
    SnapshotService snapshots;

    @Autowired
    StockService stock;

    @MockitoSpyBean
    StockStore store;

    @Autowired
    MongoTemplate mongo;

    static Stream<Arguments> markerOrders() {
        return Stream.of(Arguments.of(List.of(0, 1, 2)), Arguments.of(List.of(0, 2, 1)),
                Arguments.of(List.of(1, 0, 2)), Arguments.of(List.of(1, 2, 0)), Arguments.of(List.of(2, 0, 1)),
                Arguments.of(List.of(2, 1, 0)));
    }

    @ParameterizedTest(name = "markers of partitions {0}")
    @MethodSource("markerOrders")
    void absentPairsBecomeZeroWhenTheLastMarkerIsReadWhateverTheOrder(List<Integer> order) {
        Scenario scenario = new Scenario();

        assertThat(snapshots.partitionCompleted(scenario.marker(order.get(0)))).isFalse();
        scenario.assertNothingZeroed();
        assertThat(snapshots.partitionCompleted(scenario.marker(order.get(1)))).isFalse();
        scenario.assertNothingZeroed();

        assertThat(snapshots.partitionCompleted(scenario.marker(order.get(2)))).isTrue();

        scenario.assertAbsentOlderPairsZeroedAndTheOthersKept();
    }

    @Test
    void aMarkerReadAgainAfterTheSnapshotWasAppliedChangesNothing() {
        Scenario scenario = new Scenario();
        scenario.completeAll();
        StockLevel zeroed = scenario.level("C");

        assertThat(snapshots.partitionCompleted(scenario.marker(1))).isTrue();
        assertThat(snapshots.partitionCompleted(scenario.marker(0))).isTrue();

        assertThat(scenario.level("C")).isEqualTo(zeroed);
        scenario.assertAbsentOlderPairsZeroedAndTheOthersKept();
    }

    @Test
    void aZeroingCutShortByACrashIsFinishedByTheRedeliveredMarkerEachPairOnce() {
        Scenario scenario = new Scenario();
        for (int absent = 0; absent < 6; absent++) {
            scenario.reportPartial("X" + absent, 5, MONDAY);
        }
        snapshots.partitionCompleted(scenario.marker(0));
        snapshots.partitionCompleted(scenario.marker(1));
        AtomicBoolean crashed = new AtomicBoolean();
        doAnswer(invocation -> {
            Collection<PairChange> changes = invocation.getArgument(0);
            if (changes.size() > 3 && crashed.compareAndSet(false, true)) {
                // the process dies once the first three pairs of the bulk write are stored
                ((StockStore) invocation.getMock()).changeAll(changes.stream().limit(3).toList());
                throw new IllegalStateException("the process died");
            }
            return invocation.callRealMethod();
        }).when(store).changeAll(any());

        assertThatIllegalStateException().isThrownBy(() -> snapshots.partitionCompleted(scenario.marker(2)));
        long zeroedBeforeTheCrash = Stream.of("C", "X0", "X1", "X2", "X3", "X4", "X5")
                .filter(ean -> scenario.level(ean).onHand() == 0).count();
        assertThat(zeroedBeforeTheCrash).isEqualTo(3);
        reset(store);

        snapshots.partitionCompleted(scenario.marker(2));

        scenario.assertAbsentOlderPairsZeroedAndTheOthersKept();
        for (String ean : List.of("C", "X0", "X1", "X2", "X3", "X4", "X5")) {
            assertThat(scenario.level(ean).onHand()).as(ean).isZero();
            // one change for the figure, one for the zero: none twice
            assertThat(scenario.level(ean).version()).as(ean).isEqualTo(2);
        }
        assertThat(mongo.findById(scenario.snapshotId, SnapshotProgress.class).zeroedAt()).isNotNull();
    }

    @Test
    void markersAnnouncingRowsThatNeverArrivedZeroNothingUntilTheRowsAre() {
        Scenario scenario = new Scenario();
        snapshots.partitionCompleted(scenario.marker(0));
        snapshots.partitionCompleted(scenario.marker(1));
        // partition 2 carried a fifth row (pair H), which was dead-lettered instead of applied
        var shortMarker = new SnapshotMarker(scenario.snapshotId, scenario.snapshotId, List.of(scenario.store),
                SNAPSHOT_AS_OF, 2, 3, 2);

        assertThatThrownBy(() -> snapshots.partitionCompleted(shortMarker))
                .isInstanceOf(SnapshotShortOfRowsException.class).hasMessageContaining("4 of its 5 rows");
        scenario.assertNothingZeroed();
        assertThat(mongo.findById(scenario.snapshotId, SnapshotProgress.class).rowsSeen()).isEqualTo(4);

        // the dead-lettered row replayed, then the marker: the snapshot completes
        scenario.reportSnapshot("H", 3, SNAPSHOT_AS_OF, 5);
        assertThat(snapshots.partitionCompleted(shortMarker)).isTrue();
        scenario.assertAbsentOlderPairsZeroedAndTheOthersKept();
    }

    @Test
    void aRowDeliveredTwiceCountsOnce() {
        Scenario scenario = new Scenario();
        scenario.reportSnapshot("A", 7, SNAPSHOT_AS_OF, 1);
        snapshots.partitionCompleted(scenario.marker(0));
        snapshots.partitionCompleted(scenario.marker(1));

        assertThatThrownBy(() -> snapshots.partitionCompleted(new SnapshotMarker(scenario.snapshotId,
                scenario.snapshotId, List.of(scenario.store), SNAPSHOT_AS_OF, 2, 3, 2)))
                .isInstanceOf(SnapshotShortOfRowsException.class);
        scenario.assertNothingZeroed();
    }

    @Test
    void aSnapshotThatNamesNoStoreZeroesNothing() {
        Scenario scenario = new Scenario();
        var marker = new SnapshotMarker(scenario.snapshotId, scenario.snapshotId, List.of(), SNAPSHOT_AS_OF, 0, 1,
                4);

        assertThat(snapshots.partitionCompleted(marker)).isTrue();

        scenario.assertNothingZeroed();
    }

    @Test
    void aMarkerThatDisagreesWithTheFirstOneIsRefused() {
        Scenario scenario = new Scenario();
        snapshots.partitionCompleted(scenario.marker(0));

        assertThatIllegalArgumentException().isThrownBy(() -> snapshots.partitionCompleted(new SnapshotMarker(
                scenario.snapshotId, scenario.snapshotId, List.of(scenario.store), SNAPSHOT_AS_OF, 1, 4, 1)));
        scenario.assertNothingZeroed();
    }

    /**
     * A store with one pair of each kind, then the snapshot's figures:
     * A present and applied; B present with a figure staler than the one held (which is newer than the snapshot);
     * F present with its own as-of older than the snapshot's, applied; G present with a stale figure older than
     * the snapshot; C absent and older (zeroed); D absent but newer than the snapshot (kept); and E, absent,
     * at a store the snapshot is not about (kept).
     */
    private final class Scenario {

        final String store = "S-" + UUID.randomUUID().toString().substring(0, 8);
        final String otherStore = store + "-other";
        final String snapshotId = "snap-" + UUID.randomUUID();

        Scenario() {
            reportPartial("A", 5, MONDAY);
            reportPartial("B", 3, LATER);
            reportPartial("C", 4, MONDAY);
            reportPartial("D", 6, LATER);
            reportPartial("F", 1, SUNDAY);
            reportPartial("G", 11, MONDAY.plusSeconds(3 * 3600));
            stock.apply(new StockReport(otherStore, "E", 2, MONDAY, null, "imp-old", 1, MONDAY));

            reportSnapshot("A", 7, SNAPSHOT_AS_OF, 1);
            reportSnapshot("B", 9, SNAPSHOT_AS_OF, 2);
            reportSnapshot("F", 8, MONDAY, 3);
            reportSnapshot("G", 2, MONDAY.minusSeconds(3600), 4);
        }

        void reportPartial(String ean, long quantity, Instant asOf) {
            stock.apply(new StockReport(store, ean, quantity, asOf, null, "imp-old", 1, asOf));
        }

        void reportSnapshot(String ean, long quantity, Instant asOf, long row) {
            stock.apply(new StockReport(store, ean, quantity, asOf, snapshotId, snapshotId, row, SNAPSHOT_AS_OF));
        }

        /** The snapshot's four rows as ingest counted them: two on partition 0, one on each of the others. */
        SnapshotMarker marker(int partition) {
            return new SnapshotMarker(snapshotId, snapshotId, List.of(store), SNAPSHOT_AS_OF, partition, 3,
                    partition == 0 ? 2 : 1);
        }

        void completeAll() {
            for (int partition = 0; partition < 3; partition++) {
                snapshots.partitionCompleted(marker(partition));
            }
        }

        StockLevel level(String ean) {
            String storeId = ean.equals("E") ? otherStore : store;
            return mongo.findById(StockLevel.id(storeId, ean), StockLevel.class);
        }

        void assertNothingZeroed() {
            assertThat(level("C").onHand()).isEqualTo(4);
            assertThat(level("C").asOf()).isEqualTo(MONDAY);
        }

        void assertAbsentOlderPairsZeroedAndTheOthersKept() {
            assertThat(level("C").onHand()).isZero();
            assertThat(level("C").available()).isZero();
            assertThat(level("C").asOf()).isEqualTo(SNAPSHOT_AS_OF);
            assertThat(level("C").version()).as("a new version of its availability").isGreaterThan(1);
            assertThat(level("A").onHand()).isEqualTo(7);
            assertThat(level("B").onHand()).isEqualTo(3);
            assertThat(level("D").onHand()).isEqualTo(6);
            assertThat(level("E").onHand()).isEqualTo(2);
            assertThat(level("F").onHand()).isEqualTo(8);
            assertThat(level("G").onHand()).isEqualTo(11);
        }
    }

    @TestConfiguration
    static class Policies {

        @Bean
        AvailabilityPolicy availabilityPolicy() {
            return new AvailabilityPolicy(0, Map.of(), Map.of());
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
