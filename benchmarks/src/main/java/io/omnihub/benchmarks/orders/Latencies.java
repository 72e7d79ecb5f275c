package io.omnihub.benchmarks.orders;

import java.util.Arrays;

/** Percentiles of a set of latencies (nearest rank). */
final class Latencies {

    private final long[] sortedNanos;

    Latencies(long[] nanos) {
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The latency at quantile q (0..1) in milliseconds; NaN when there is none. */
    double millis(double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    /**
     * The latency at quantile q among {@code total} requests of which only these were answered in time: +infinity
     * when the rank falls among the unanswered (they took longer than the wait).
     */
    double millisAmong(int total, double q) {
        if (total == 0) {
            return Double.NaN;
        }
        int rank = Math.max(1, (int) Math.ceil(q * total));
        return rank > sortedNanos.length ? Double.POSITIVE_INFINITY : sortedNanos[rank - 1] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }
}
