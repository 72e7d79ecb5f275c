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
     * decides; it keeps the nanoseconds that a BSON date would drop.
     */
    String key() {
        long seconds = receivedAt.getEpochSecond() - Instant.MIN.getEpochSecond();
        return String.format("%019d.%09d.%019d", seconds, receivedAt.getNano(), row);
    }
}
