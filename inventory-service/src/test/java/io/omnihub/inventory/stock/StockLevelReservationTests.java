package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.inventory.availability.AvailabilityPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Holds, releases, consumptions, returns and out-of-stock marks on one pair, and what full snapshots do to them. */
class StockLevelReservationTests {

    private static final String STORE = "LJ001";
    private static final String EAN = "7891000000007";
    private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final AvailabilityPolicy SAFETY_1 = new AvailabilityPolicy(1, Map.of(), Map.of());

    @Test
    void aHoldWithinWhatIsAvailableIsTakenAndAnnounced() {
        StockLevel level = level(10, MONDAY);

        var attempt = level.hold("cmd-1", "ful-1", 4, MONDAY, SAFETY_1, NOW);

        assertThat(attempt.held()).isTrue();
        StockLevel held = attempt.next().orElseThrow();
        assertThat(held.reserved()).isEqualTo(4);
        assertThat(held.heldBy("ful-1")).isEqualTo(4);
        assertThat(held.available()).isEqualTo(10 - 4 - 1);
        assertThat(attempt.available()).isEqualTo(5);
        assertThat(held.version()).isEqualTo(level.version() + 1);
    }

    @Test
    void aHoldBeyondWhatIsAvailableIsRefusedWithWhatIsAvailable() {
        StockLevel level = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 6, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        var attempt = level.hold("cmd-2", "ful-2", 4, MONDAY, SAFETY_1, NOW);

        // 10 on hand - 6 held - 1 safety stock = 3 < 4
        assertThat(attempt.held()).isFalse();
        assertThat(attempt.available()).isEqualTo(3);
        assertThat(attempt.next()).isEmpty();
        assertThat(level.hold("cmd-3", "ful-3", 3, MONDAY, SAFETY_1, NOW).held()).isTrue();
    }

    @Test
    void aPairWithoutFigureHoldsNothing() {
        var attempt = StockLevel.absent(STORE, EAN).hold("cmd-1", "ful-1", 1, MONDAY, SAFETY_1, NOW);

        assertThat(attempt.held()).isFalse();
        assertThat(attempt.available()).isZero();
        assertThat(attempt.next()).isEmpty();
    }

    @Test
    void theSameCommandAgainHoldsNothingMoreAndIsStillHeld() {
        StockLevel held = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 4, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        var again = held.hold("cmd-1", "ful-1", 4, MONDAY, SAFETY_1, NOW);

        assertThat(again.held()).isTrue();
        assertThat(again.next()).isEmpty();
        assertThat(held.reserved()).isEqualTo(4);
    }

    @Test
    void undoingAHoldTakesBackWhatItsCommandHeldOnceAndLeavesOthers() {
        StockLevel level = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 4, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());
        level = stored(level.hold("cmd-2", "ful-2", 2, MONDAY, SAFETY_1, NOW).next().orElseThrow());

        StockLevel undone = stored(level.released(StockLevel.undo("cmd-1"), "ful-1", 4, SAFETY_1, NOW).orElseThrow());

        assertThat(undone.reserved()).isEqualTo(2);
        assertThat(undone.heldBy("ful-1")).isZero();
        assertThat(undone.released(StockLevel.undo("cmd-1"), "ful-1", 4, SAFETY_1, NOW)).isEmpty();
        // an undone reservation redelivered is not held again under the same command
        assertThat(undone.hold("cmd-1", "ful-1", 4, MONDAY, SAFETY_1, NOW).held()).isFalse();
    }

    @Test
    void aReleaseGivesBackAtMostWhatTheFulfilmentHoldsAndOnlyOnce() {
        StockLevel held = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        StockLevel released = stored(held.released("rel-1", "ful-1", 5, SAFETY_1, NOW).orElseThrow());

        assertThat(released.releasedBy("rel-1")).isEqualTo(3);
        assertThat(released.reserved()).isZero();
        assertThat(released.available()).isEqualTo(9);
        assertThat(released.released("rel-1", "ful-1", 5, SAFETY_1, NOW)).isEmpty();
        assertThat(released.released("rel-2", "ful-1", 5, SAFETY_1, NOW)).isEmpty();
        assertThat(released.releasedBy("rel-2")).isZero();
    }

    @Test
    void aPartialReleaseKeepsTheRestHeld() {
        StockLevel held = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        StockLevel released = held.released("rel-1", "ful-1", 1, SAFETY_1, NOW).orElseThrow();

        assertThat(released.heldBy("ful-1")).isEqualTo(2);
        assertThat(released.releasedBy("rel-1")).isEqualTo(1);
    }

    @Test
    void consumedUnitsLeaveTheHoldAndCountAgainstOnHandUntilALaterFigureIncludesThem() {
        StockLevel held = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());
        Instant shipped = MONDAY.plusSeconds(3600);

        StockLevel consumed = stored(held.consumed("con-1", "ful-1", 3, shipped, SAFETY_1, NOW).orElseThrow());

        assertThat(consumed.reserved()).isZero();
        assertThat(consumed.consumedAfterAsOf()).isEqualTo(3);
        assertThat(consumed.available()).isEqualTo(10 - 3 - 1);
        // available stays, reserved does not: AvailabilityChanged tells both, so it is announced
        assertThat(consumed.version()).isEqualTo(held.version() + 1);
        assertThat(consumed.consumed("con-1", "ful-1", 3, shipped, SAFETY_1, NOW)).isEmpty();

        StockLevel laterFigure = consumed.report(report(7, TUESDAY), SAFETY_1, NOW).orElseThrow();
        assertThat(laterFigure.consumptions()).isEmpty();
        assertThat(laterFigure.available()).isEqualTo(7 - 1);
    }

    @Test
    void unitsConsumedBeforeTheFiguresAsOfOnlyEndTheHold() {
        StockLevel held = stored(level(10, TUESDAY).hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        StockLevel consumed = held.consumed("con-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).orElseThrow();

        assertThat(consumed.consumptions()).isEmpty();
        assertThat(consumed.reserved()).isZero();
        assertThat(consumed.available()).isEqualTo(9);
    }

    @Test
    void returnedUnitsAreAvailableAgainUntilALaterFigureCountsThem() {
        StockLevel level = level(10, MONDAY);
        Instant returned = MONDAY.plusSeconds(60);

        StockLevel restocked = stored(level.restocked("ret-1", 2, returned, SAFETY_1, NOW).orElseThrow());

        assertThat(restocked.returnedAfterAsOf()).isEqualTo(2);
        assertThat(restocked.available()).isEqualTo(10 + 2 - 1);
        assertThat(restocked.onHand()).isEqualTo(10);
        assertThat(restocked.restocked("ret-1", 2, returned, SAFETY_1, NOW)).isEmpty();
        assertThat(level.restocked("ret-0", 2, MONDAY.minusSeconds(1), SAFETY_1, NOW)).isEmpty();
        assertThat(restocked.report(report(12, TUESDAY), SAFETY_1, NOW).orElseThrow().available()).isEqualTo(11);
    }

    @Test
    void outOfStockZeroesOnHandAsOfThenAndKeepsTheHolds() {
        StockLevel held = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        StockLevel empty = stored(held.outOfStock("oos-1", TUESDAY, SAFETY_1, NOW).orElseThrow());

        assertThat(empty.onHand()).isZero();
        assertThat(empty.asOf()).isEqualTo(TUESDAY);
        assertThat(empty.reserved()).isEqualTo(3);
        assertThat(empty.available()).isZero();
        assertThat(empty.outOfStock("oos-1", TUESDAY, SAFETY_1, NOW)).isEmpty();
        assertThat(empty.report(report(4, TUESDAY.plusSeconds(1)), SAFETY_1, NOW).orElseThrow().onHand())
                .isEqualTo(4);
    }

    @Test
    void outOfStockOlderThanTheFigureChangesNothing() {
        assertThat(level(10, TUESDAY).outOfStock("oos-1", MONDAY, SAFETY_1, NOW)).isEmpty();
    }

    @Test
    void aFullSnapshotsFigureKeepsTheUnitsPromisedOnline() {
        StockLevel held = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        StockLevel snapshot = held.report(new StockReport(STORE, EAN, 5, TUESDAY, "snap-1", "snap-1", 7, NOW),
                SAFETY_1, NOW).orElseThrow();

        assertThat(snapshot.onHand()).isEqualTo(5);
        assertThat(snapshot.reserved()).isEqualTo(3);
        assertThat(snapshot.heldBy("ful-1")).isEqualTo(3);
        assertThat(snapshot.available()).isEqualTo(5 - 3 - 1);
    }

    @Test
    void zeroingAsAbsentKeepsTheHolds() {
        StockLevel held = stored(level(10, MONDAY).hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next()
                .orElseThrow());

        StockLevel zeroed = held.zeroedAbsentFrom(new SnapshotMarker("snap-1", "snap-1", List.of(STORE), TUESDAY, 0,
                1, 0), SAFETY_1, NOW).orElseThrow();

        assertThat(zeroed.reserved()).isEqualTo(3);
        assertThat(zeroed.available()).isZero();
    }

    @Test
    void aSnapshotsFigureRecordsItsDriftFromWhatOmnihubExpected() {
        StockLevel level = level(10, MONDAY);
        level = stored(level.hold("cmd-1", "ful-1", 3, MONDAY, SAFETY_1, NOW).next().orElseThrow());
        level = stored(level.consumed("con-1", "ful-1", 3, MONDAY.plusSeconds(60), SAFETY_1, NOW).orElseThrow());
        level = stored(level.restocked("ret-1", 1, MONDAY.plusSeconds(120), SAFETY_1, NOW).orElseThrow());
        // consumed after the snapshot's as-of: not yet in its figure, so not expected in it either
        level = stored(level.consumed("con-2", "ful-2", 2, TUESDAY.plusSeconds(60), SAFETY_1, NOW).orElseThrow());

        StockLevel snapshot = level.report(new StockReport(STORE, EAN, 6, TUESDAY, "snap-1", "snap-1", 7, NOW),
                SAFETY_1, NOW).orElseThrow();

        assertThat(snapshot.drift()).isEqualTo(new StockLevel.Drift("snap-1", 10 - 3 + 1, 6));
        assertThat(snapshot.drift().difference()).isEqualTo(-2);
        assertThat(snapshot.consumedAfterAsOf()).isEqualTo(2);
    }

    @Test
    void aPairAbsentFromASnapshotDriftsByAllItWasExpectedToHold() {
        StockLevel zeroed = level(4, MONDAY).zeroedAbsentFrom(new SnapshotMarker("snap-1", "snap-1", List.of(STORE),
                TUESDAY, 0, 1, 0), SAFETY_1, NOW).orElseThrow();

        assertThat(zeroed.drift()).isEqualTo(new StockLevel.Drift("snap-1", 4, 0));
    }

    @Test
    void aPairRemembersTheRowsOfEachSnapshotThatReportedIt() {
        StockLevel level = level(4, MONDAY);
        level = stored(level.report(new StockReport(STORE, EAN, 5, TUESDAY, "snap-1", "snap-1", 7, NOW), SAFETY_1,
                NOW).orElseThrow());
        // the same pair twice in the file: a stale second row still counts as a row of the snapshot
        level = stored(level.report(new StockReport(STORE, EAN, 5, TUESDAY, "snap-1", "snap-1", 3, NOW), SAFETY_1,
                NOW).orElseThrow());

        assertThat(level.snapshotRows()).containsExactly(new StockLevel.SnapshotRows("snap-1", List.of(7L, 3L)));
        assertThat(level.report(new StockReport(STORE, EAN, 5, TUESDAY, "snap-1", "snap-1", 3, NOW), SAFETY_1, NOW))
                .as("a redelivered row").isEmpty();
    }

    @Test
    void aDocumentWithTheRevisionOfOneStateAndTheHoldsOfAnotherIsNotWhole() {
        StockLevel before = level(10, MONDAY);
        StockLevel after = stored(before.hold("cmd-1", "ful-1", 4, MONDAY, SAFETY_1, NOW).next().orElseThrow());
        // as a server under concurrent writes answered: the later revision and digest, the earlier holds
        StockLevel torn = new StockLevel(after.id(), after.storeId(), after.ean(), after.onHand(), after.asOf(),
                after.sequence(), after.source(), after.consumptions(), after.restocks(), before.holds(),
                before.reserved(), after.safetyStock(), before.available(), after.version(),
                after.snapshots(), after.snapshotRows(), after.drift(), after.commands(),
                after.digest(), after.revision(), after.updatedAt(), after.correlationId());

        assertThat(after.isWhole()).isTrue();
        assertThat(before.isWhole()).isTrue();
        assertThat(torn.isWhole()).isFalse();
    }

    private static StockLevel level(long onHand, Instant asOf) {
        return stored(StockLevel.absent(STORE, EAN).report(report(onHand, asOf), SAFETY_1, NOW).orElseThrow());
    }

    private static StockLevel stored(StockLevel level) {
        return level.withRevision(level.revision() + 1);
    }

    private static StockReport report(long quantity, Instant asOf) {
        return new StockReport(STORE, EAN, quantity, asOf, null, "imp-1", 1, NOW);
    }
}
