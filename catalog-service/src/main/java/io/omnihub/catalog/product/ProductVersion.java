package io.omnihub.catalog.product;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where one description of a product stands in the ERP's sequence: by when omnihub received its file or call,
 * then by its row there. A later version always wins over an earlier one, whatever order they arrive in.
 */
record ProductVersion(Instant receivedAt, long row) implements Comparable<ProductVersion> {

    private static final Comparator<ProductVersion> ORDER = Comparator.comparing(ProductVersion::receivedAt)
            .thenComparingLong(ProductVersion::row);

    ProductVersion {
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative: " + row);
        }
    }

    boolean isNewerThan(ProductVersion other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(ProductVersion other) {
        return ORDER.compare(this, other);
    }

    /**
     * A fixed-width string that sorts as the versions do, so that a single MongoDB comparison ({@code $lt})
     * decides; it keeps the nanoseconds that a BSON date would drop. Written digit by digit: it is made for every
     * product of every batch, and {@code String.format} made it a tenth of the catalog's CPU.
     */
    String key() {
        long seconds = receivedAt.getEpochSecond() - Instant.MIN.getEpochSecond();
        StringBuilder key = new StringBuilder(49);
        zeroPadded(key, seconds, 19).append('.');
        zeroPadded(key, receivedAt.getNano(), 9).append('.');
        return zeroPadded(key, row, 19).toString();
    }

    /** {@code value} (never negative here) as {@code width} digits, zeros in front. */
    private static StringBuilder zeroPadded(StringBuilder to, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            to.append('0');
        }
        return to.append(digits);
    }
}
