package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockLevelTests {

    private static final String STORE = "LJ001";
    private static final String EAN = "7891000000007";
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final AvailabilityPolicy SAFETY_2 = new AvailabilityPolicy(2, Map.of(), Map.of());

    @Test
    void aSourceIsDigestedAsItsRecordTextSoDigestsOfStoredPairsStillMatch() {
        for (StockLevel.Source source : new StockLevel.Source[] {new StockLevel.Source("import-1", 42),
                new StockLevel.Source(null, 0), null}) {
            assertThat(StockLevel.Source.append(new StringBuilder(), source).toString())
                    .isEqualTo(String.valueOf(source));
        }
    }

    @Test
    void anotherRevisionKeepsAWholeStateWholeAndGivesAnUndigestedOneItsDigest() {
        StockLevel level = StockLevel.absent(STORE, EAN).report(report(10, MONDAY, 1), SAFETY_2, NOW).orElseThrow();

        StockLevel next = level.withRevision(level.revision() + 5);
        StockLevel first = StockLevel.absent(STORE, EAN).withRevision(1);

        assertThat(next.revision()).isEqualTo(level.revision() + 5);
        assertThat(next.digest()).isEqualTo(next.contentDigest());
        assertThat(first.digest()).isNotNull().isEqualTo(first.contentDigest());
    }

    @Test
    void aFirstFigureIsStoredWithItsAvailabilityAndAwaitsPublication() {
        StockLevel level = stored(StockLevel.absent(STORE, EAN).report(report(10, MONDAY, 1), SAFETY_2, NOW)
                .orElseThrow());

        assertThat(level.onHand()).isEqualTo(10);
        assertThat(level.asOf()).isEqualTo(MONDAY);
        assertThat(level.safetyStock()).isEqualTo(2);
        assertThat(level.available()).isEqualTo(8);
        assertThat(level.reserved()).isZero();
        assertThat(level.version()).isEqualTo(1);
        assertThat(level.source()).isEqualTo(new StockLevel.Source("imp-1", 1));
        assertThat(level.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void aNewerFigureReplacesTheQuantityAndMovesTheVersion() {
        StockLevel monday = level(10, MONDAY);

        StockLevel tuesday = monday.report(report(4, TUESDAY, 1), SAFETY_2, NOW).orElseThrow();

        assertThat(tuesday.onHand()).isEqualTo(4);
        assertThat(tuesday.available()).isEqualTo(2);
        assertThat(tuesday.asOf()).isEqualTo(TUESDAY);
        assertThat(tuesday.version()).isEqualTo(monday.version() + 1);
    }

    @Test
    void anOlderFigureChangesNothing() {
        StockLevel tuesday = level(4, TUESDAY);

        assertThat(tuesday.report(report(10, MONDAY, 99), SAFETY_2, NOW)).isEmpty();
    }

    @Test
    void theSameFigureAgainChangesNothing() {
        StockLevel monday = level(10, MONDAY);

        assertThat(monday.report(report(10, MONDAY, 1), SAFETY_2, NOW)).isEmpty();
    }

    @Test
    void atEqualAsOfTheLaterReceiptWinsThenTheLaterRow() {
        StockLevel first = level(10, MONDAY);
        var laterReceipt = new StockReport(STORE, EAN, 6, MONDAY, null, "imp-2", 1, NOW.plusSeconds(60));
        var earlierReceipt = new StockReport(STORE, EAN, 7, MONDAY, null, "imp-0", 50, NOW.minusSeconds(60));
        var laterRow = new StockReport(STORE, EAN, 8, MONDAY, null, "imp-1", 2, NOW);

        assertThat(first.report(laterReceipt, SAFETY_2, NOW)).map(StockLevel::onHand).hasValue(6L);
        assertThat(first.report(earlierReceipt, SAFETY_2, NOW)).isEmpty();
        assertThat(first.report(laterRow, SAFETY_2, NOW)).map(StockLevel::onHand).hasValue(8L);
    }

    @Test
    void aLaterFigureWithTheSameQuantityIsStoredButAnnouncesNothingNew() {
        StockLevel monday = level(10, MONDAY);

        StockLevel tuesday = monday.report(report(10, TUESDAY, 1), SAFETY_2, NOW).orElseThrow();

        assertThat(tuesday.asOf()).isEqualTo(TUESDAY);
        assertThat(tuesday.version()).isEqualTo(monday.version());
    }

    @Test
    void aStaleFigureOfASnapshotIsNotAppliedButThePairIsRememberedAsPresent() {
        StockLevel tuesday = level(4, TUESDAY);

        StockLevel present = tuesday.report(snapshotReport(10, MONDAY, "snap-1"), SAFETY_2, NOW).orElseThrow();

        assertThat(present.onHand()).isEqualTo(4);
        assertThat(present.asOf()).isEqualTo(TUESDAY);
        assertThat(present.version()).isEqualTo(tuesday.version());
        assertThat(present.snapshots()).containsExactly("snap-1");
        assertThat(stored(present).report(snapshotReport(10, MONDAY, "snap-1"), SAFETY_2, NOW)).isEmpty();
    }

    @Test
    void aPairRemembersOnlyTheLatestSnapshots() {
        StockLevel level = level(1, MONDAY);
        for (int i = 1; i <= StockLevel.REMEMBERED_SNAPSHOTS + 2; i++) {
            level = stored(level.report(snapshotReport(1, MONDAY.plusSeconds(i), "snap-" + i), SAFETY_2, NOW)
                    .orElseThrow());
        }

        assertThat(level.snapshots()).hasSize(StockLevel.REMEMBERED_SNAPSHOTS).startsWith("snap-3")
                .endsWith("snap-" + (StockLevel.REMEMBERED_SNAPSHOTS + 2));
    }

    @Test
    void aPairAbsentFromAFullSnapshotOfItsStoreBecomesZeroAtTheSnapshotsAsOf() {
        StockLevel monday = level(10, MONDAY);

        StockLevel zeroed = monday.zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2, NOW).orElseThrow();

        assertThat(zeroed.onHand()).isZero();
        assertThat(zeroed.available()).isZero();
        assertThat(zeroed.asOf()).isEqualTo(TUESDAY);
        assertThat(zeroed.sequence()).isEqualTo(ReportSequence.asOfKey(TUESDAY));
        assertThat(zeroed.source()).isEqualTo(new StockLevel.Source("snap-1", 0));
        assertThat(zeroed.version()).isEqualTo(monday.version() + 1);
        assertThat(stored(zeroed).zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2, NOW)).isEmpty();
    }

    @Test
    void zeroingSparesPairsPresentInTheSnapshotNewerThanItOrOfOtherStores() {
        StockLevel present = stored(level(10, MONDAY).report(snapshotReport(10, MONDAY, "snap-1"), SAFETY_2, NOW)
                .orElseThrow());
        StockLevel asNew = level(10, TUESDAY);
        StockLevel newer = level(10, TUESDAY.plusSeconds(1));

        assertThat(present.zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2, NOW)).isEmpty();
        assertThat(asNew.zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2, NOW)).isEmpty();
        assertThat(newer.zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2, NOW)).isEmpty();
        assertThat(level(10, MONDAY).zeroedAbsentFrom(snapshot("snap-1", TUESDAY, "LJ002"), SAFETY_2, NOW))
                .isEmpty();
        assertThat(StockLevel.absent(STORE, EAN).zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2, NOW))
                .isEmpty();
    }

    @Test
    void aFigureAsOfTheSnapshotWinsOverTheSnapshotsZero() {
        StockLevel zeroed = stored(level(10, MONDAY).zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2,
                NOW).orElseThrow());

        assertThat(zeroed.report(report(5, TUESDAY, 1), SAFETY_2, NOW)).map(StockLevel::onHand).hasValue(5L);
        assertThat(zeroed.report(report(5, TUESDAY.minusNanos(1), 1), SAFETY_2, NOW)).isEmpty();
    }

    @Test
    void unitsConsumedAfterTheAsOfAreSubtractedUntilAFigureAsOfLaterIncludesThem() {
        var consumedAtTen = new Consumption("ful-1", 3, MONDAY.plusSeconds(3600));
        var consumedAtNoon = new Consumption("ful-2", 2, MONDAY.plusSeconds(3 * 3600));
        StockLevel monday = withConsumptions(level(10, MONDAY), List.of(consumedAtTen, consumedAtNoon), 1);

        assertThat(monday.consumedAfterAsOf()).isEqualTo(5);

        // the ERP's 11 o'clock figure already counts the units taken at ten, not those taken at noon
        StockLevel elevenOClock = monday.report(report(7, MONDAY.plusSeconds(2 * 3600), 1), SAFETY_2, NOW)
                .orElseThrow();

        assertThat(elevenOClock.consumptions()).containsExactly(consumedAtNoon);
        assertThat(elevenOClock.consumedAfterAsOf()).isEqualTo(2);
        assertThat(elevenOClock.available()).isEqualTo(7 - 2 - 1 - 2);
    }

    @Test
    void zeroingLetsGoOfConsumptionsTheSnapshotIncludes() {
        var before = new Consumption("ful-1", 3, MONDAY.plusSeconds(60));
        var after = new Consumption("ful-2", 1, TUESDAY.plusSeconds(60));
        StockLevel monday = withConsumptions(level(10, MONDAY), List.of(before, after), 0);

        StockLevel zeroed = monday.zeroedAbsentFrom(snapshot("snap-1", TUESDAY, STORE), SAFETY_2, NOW).orElseThrow();

        assertThat(zeroed.consumptions()).containsExactly(after);
        assertThat(zeroed.available()).isZero();
    }

    @Test
    void reservedUnitsAreNotPromised() {
        StockLevel reserved = withConsumptions(level(10, MONDAY), List.of(), 3);

        StockLevel tuesday = reserved.report(report(9, TUESDAY, 1), SAFETY_2, NOW).orElseThrow();

        assertThat(tuesday.reserved()).isEqualTo(3);
        assertThat(tuesday.available()).isEqualTo(9 - 3 - 2);
    }

    @Test
    void aReconfiguredSafetyStockChangesTheAvailabilityAndItsVersion() {
        StockLevel level = level(10, MONDAY);

        StockLevel recalculated = level.recalculated(new AvailabilityPolicy(0, Map.of(STORE, 6L), Map.of()), NOW)
                .orElseThrow();

        assertThat(recalculated.safetyStock()).isEqualTo(6);
        assertThat(recalculated.available()).isEqualTo(4);
        assertThat(recalculated.version()).isEqualTo(level.version() + 1);
        assertThat(level.recalculated(SAFETY_2, NOW)).isEmpty();
    }

    @Test
    void aBatchOfAPairsFiguresLeavesTheNewestWhateverTheirOrder() {
        List<StockReport> figures = List.of(report(10, MONDAY, 1), report(4, TUESDAY, 2), report(7, MONDAY, 3));

        for (List<StockReport> order : List.of(figures, List.of(figures.get(2), figures.get(1), figures.get(0)),
                List.of(figures.get(1), figures.get(0), figures.get(2)))) {
            StockLevel level = StockLevel.absent(STORE, EAN).reportAll(order, SAFETY_2, NOW).orElseThrow();

            assertThat(level.onHand()).as("%s", order).isEqualTo(4);
            assertThat(level.asOf()).isEqualTo(TUESDAY);
            assertThat(level.source()).isEqualTo(new StockLevel.Source("imp-1", 2));
            assertThat(level.available()).isEqualTo(2);
        }
    }

    @Test
    void aBatchEndsAsItsFiguresAppliedOneAfterTheOtherWouldEnd() {
        StockLevel monday = level(10, MONDAY);
        List<StockReport> batch = List.of(snapshotReport(6, TUESDAY, "snap-2"), snapshotReport(9, MONDAY, "snap-1"),
                report(3, TUESDAY.plusSeconds(60), 7));

        StockLevel sequential = monday;
        for (StockReport figure : batch) {
            sequential = sequential.report(figure, SAFETY_2, NOW).map(StockLevelTests::stored).orElse(sequential);
        }
        StockLevel batched = monday.reportAll(batch, SAFETY_2, NOW).orElseThrow();

        // the same content: figure, drift, membership of the stale FULL figure, availability and version
        assertThat(batched.contentDigest()).isEqualTo(sequential.contentDigest());
        assertThat(batched.onHand()).isEqualTo(3);
        assertThat(batched.snapshots()).containsExactly("snap-2", "snap-1");
        assertThat(batched.drift()).isEqualTo(new StockLevel.Drift("snap-2", 10, 6));
    }

    @Test
    void aBatchOfFiguresAlreadyAppliedChangesNothing() {
        StockLevel level = stored(StockLevel.absent(STORE, EAN).reportAll(List.of(report(10, MONDAY, 1),
                snapshotReport(8, MONDAY, "snap-1")), SAFETY_2, NOW).orElseThrow());

        assertThat(level.reportAll(List.of(snapshotReport(8, MONDAY, "snap-1"), report(10, MONDAY, 1)), SAFETY_2,
                NOW)).isEmpty();
    }

    @Test
    void aFigureOfAnotherPairIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> StockLevel.absent("LJ002", EAN)
                .report(report(1, MONDAY, 1), SAFETY_2, NOW));
    }

    private static StockLevel level(long onHand, Instant asOf) {
        return stored(StockLevel.absent(STORE, EAN).report(report(onHand, asOf, 1), SAFETY_2, NOW).orElseThrow());
    }

    private static StockLevel stored(StockLevel level) {
        return level.withRevision(level.revision() + 1);
    }

    private static StockLevel withConsumptions(StockLevel level, List<Consumption> consumptions, long reserved) {
        long consumed = consumptions.stream().filter(c -> c.at().isAfter(level.asOf()))
                .mapToLong(Consumption::quantity).sum();
        List<StockLevel.Hold> holds = reserved == 0 ? List.of() : List.of(new StockLevel.Hold("ful-0", reserved, NOW));
        return new StockLevel(level.id(), level.storeId(), level.ean(), level.onHand(), level.asOf(),
                level.sequence(), level.source(), consumptions, level.restocks(), holds, reserved,
                level.safetyStock(), SAFETY_2.available(STORE, EAN, level.onHand(), consumed, reserved),
                level.version(), level.snapshots(),
                level.snapshotRows(), level.drift(), level.commands(), null, level.revision(), level.updatedAt(),
                level.correlationId());
    }

    private static StockReport report(long quantity, Instant asOf, long row) {
        return new StockReport(STORE, EAN, quantity, asOf, null, "imp-1", row, NOW);
    }

    private static StockReport snapshotReport(long quantity, Instant asOf, String snapshotId) {
        return new StockReport(STORE, EAN, quantity, asOf, snapshotId, snapshotId, 1, NOW);
    }

    private static SnapshotMarker snapshot(String snapshotId, Instant asOf, String storeId) {
        return new SnapshotMarker(snapshotId, snapshotId, List.of(storeId), asOf, 0, 1, 0);
    }
}
