package io.omnihub.inventory.stock;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where one ERP figure of a pair stands: by its as-of time; at equal as-of, by when omnihub received it, then
 * by its row. A figure is applied only over an earlier one, so stale data never overwrites newer data.
 */
record ReportSequence(Instant asOf, Instant receivedAt, long row) implements Comparable<ReportSequence> {

    private static final int KEY_LENGTH = 29 + 1 + 29 + 1 + 19;
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
        StringBuilder key = new StringBuilder(KEY_LENGTH);
        instantKey(key, asOf).append('|');
        instantKey(key, receivedAt).append('|');
        return padded(key, row, 19).toString();
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
        return instantKey(new StringBuilder(29), instant).toString();
    }

    /** {@code %019d.%09d} of the shifted seconds and the nanoseconds, without String.format (a tenth of a pair's CPU). */
    private static StringBuilder instantKey(StringBuilder key, Instant instant) {
        // shifted so that instants before 1970 stay positive and sort right as text
        long seconds = instant.getEpochSecond() - Instant.MIN.getEpochSecond();
        return padded(padded(key, seconds, 19).append('.'), instant.getNano(), 9);
    }

    /** {@code value} (not negative) in {@code width} digits, zeros first; a longer value whole, as %0Nd writes it. */
    private static StringBuilder padded(StringBuilder key, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            key.append('0');
        }
        return key.append(digits);
    }
}
