package io.omnihub.inventory.stock;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where one ERP figure of a pair stands: by its as-of time; at equal as-of, by when omnihub received it, then
 * by its row. A figure is applied only over an earlier one, so stale data never overwrites newer data.
 */
record ReportSequence(Instant asOf, Instant receivedAt, long row) implements Comparable<ReportSequence> {

    private static final Comparator<ReportSequence> ORDER = Comparator.comparing(ReportSequence::asOf)
            .thenComparing(ReportSequence::receivedAt).thenComparingLong(ReportSequence::row);

    ReportSequence {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative: " + row);
        }
    }

    @Override
    public int compareTo(ReportSequence other) {
        return ORDER.compare(this, other);
    }

    /**
     * A fixed-width string that sorts as the sequences do, so that one MongoDB comparison decides; it keeps
     * the nanoseconds a BSON date would drop. It starts with {@link #asOfKey(Instant)} of its as-of.
     */
    String key() {
        return asOfKey(asOf) + "|" + instantKey(receivedAt) + "|" + String.format("%019d", row);
    }

    /**
     * The key of "the stock at {@code asOf}" with nothing after it: every figure with an earlier as-of sorts
     * before it, every figure with this as-of or a later one after it. A pair set to zero by a full snapshot
     * takes this key, so any real figure of the same as-of still wins over the zero.
     */
    static String asOfKey(Instant asOf) {
        return instantKey(asOf);
    }

    private static String instantKey(Instant instant) {
        // shifted so that instants before 1970 stay positive and sort right as text
        long seconds = instant.getEpochSecond() - Instant.MIN.getEpochSecond();
        return String.format("%019d.%09d", seconds, instant.getNano());
    }
}
