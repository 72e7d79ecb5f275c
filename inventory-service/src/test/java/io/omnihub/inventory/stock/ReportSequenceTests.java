package io.omnihub.inventory.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportSequenceTests {

    private static final Instant T = Instant.parse("2026-11-28T17:30:00Z");

    @Test
    void anEarlierAsOfLosesWhateverItsReceiptAndRow() {
        var older = new ReportSequence(T.minusSeconds(1), T.plusSeconds(3600), 999);
        var newer = new ReportSequence(T, T, 1);

        assertThat(older).isLessThan(newer);
        assertThat(older.key()).isLessThan(newer.key());
    }

    @Test
    void atEqualAsOfTheLaterReceiptThenTheLaterRowWins() {
        var first = new ReportSequence(T, T.plusSeconds(1), 7);
        var laterReceipt = new ReportSequence(T, T.plusSeconds(2), 1);
        var laterRow = new ReportSequence(T, T.plusSeconds(2), 2);

        assertThat(List.of(laterRow, first, laterReceipt).stream().sorted().toList())
                .containsExactly(first, laterReceipt, laterRow);
        assertThat(first.key()).isLessThan(laterReceipt.key());
        assertThat(laterReceipt.key()).isLessThan(laterRow.key());
    }

    @Test
    void keysSortAsTheSequencesDoIncludingNanosecondsAndTimesBefore1970() {
        Random random = new Random(42);
        List<ReportSequence> sequences = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sequences.add(new ReportSequence(Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 5_000_000_000L),
                    random.nextInt(3)), Instant.ofEpochSecond(random.nextInt(3), random.nextInt(1_000_000_000)),
                    random.nextInt(3)));
        }

        List<ReportSequence> byOrder = sequences.stream().sorted().toList();
        List<ReportSequence> byKey = sequences.stream().sorted(Comparator.comparing(ReportSequence::key)).toList();

        assertThat(byKey).isEqualTo(byOrder);
    }

    @Test
    void theAsOfKeyOfASnapshotSortsAfterEveryOlderFigureAndBeforeEveryFigureAtOrAfterIt() {
        String snapshot = ReportSequence.asOfKey(T);

        assertThat(new ReportSequence(T.minusNanos(1), T.plusSeconds(9999), Long.MAX_VALUE).key())
                .isLessThan(snapshot);
        assertThat(new ReportSequence(T, Instant.EPOCH, 0).key()).isGreaterThan(snapshot);
        assertThat(new ReportSequence(T.plusNanos(1), Instant.EPOCH, 0).key()).isGreaterThan(snapshot);
    }

    @Test
    void keysAreTheFixedWidthTextStoredSoFarSoStoredAndNewKeysCompare() {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            Instant asOf = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 5_000_000_000L),
                    random.nextInt(1_000_000_000));
            Instant receivedAt = Instant.ofEpochSecond(random.nextLong(0, 5_000_000_000L), random.nextInt(10));
            long row = i % 2 == 0 ? random.nextLong(0, Long.MAX_VALUE) : random.nextInt(1_000);

            assertThat(new ReportSequence(asOf, receivedAt, row).key()).isEqualTo(formatted(asOf) + "|"
                    + formatted(receivedAt) + "|" + String.format("%019d", row));
            assertThat(ReportSequence.asOfKey(asOf)).isEqualTo(formatted(asOf));
        }
    }

    /** How keys were written before they were built without String.format (stored documents carry them). */
    private static String formatted(Instant instant) {
        return String.format("%019d.%09d", instant.getEpochSecond() - Instant.MIN.getEpochSecond(), instant.getNano());
    }

    @Test
    void refusesANegativeRow() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReportSequence(T, T, -1));
    }
}
