package io.omnihub.catalog.photo;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where one image of a product's photo (reference and sequence) stands: by when omnihub received it. Two
 * images received at the same instant are ordered by their object key, so that the same one wins whatever
 * order they arrive in.
 */
record PhotoVersion(Instant receivedAt, String objectKey) implements Comparable<PhotoVersion> {

    private static final Comparator<PhotoVersion> ORDER = Comparator.comparing(PhotoVersion::receivedAt)
            .thenComparing(PhotoVersion::objectKey);

    PhotoVersion {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(objectKey, "objectKey");
    }

    @Override
    public int compareTo(PhotoVersion other) {
        return ORDER.compare(this, other);
    }

    /**
     * A string that sorts as the versions do, so that one MongoDB comparison ({@code $lt}) decides: a
     * fixed-width instant (keeping nanoseconds) then the key.
     */
    String key() {
        long seconds = receivedAt.getEpochSecond() - Instant.MIN.getEpochSecond();
        return String.format("%019d.%09d|%s", seconds, receivedAt.getNano(), objectKey);
    }
}
