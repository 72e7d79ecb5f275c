package io.omnihub.benchmarks.gateway;

import java.time.Duration;
import java.util.Arrays;

/** What one closed-loop load run measured: requests, errors, wall time and the latency of every request. */
record LoadResult(String name, long requests, long errors, Duration elapsed, long[] latenciesNanos) {

    double throughput() {
        return requests / (elapsed.toNanos() / 1e9);
    }

    /** The latency at quantile q (0..1) in milliseconds. */
    double percentileMillis(double q) {
        if (latenciesNanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static LoadResult merge(String name, LoadResult... runs) {
        long requests = 0;
        long errors = 0;
        Duration elapsed = Duration.ZERO;
        int size = 0;
        for (LoadResult run : runs) {
            requests += run.requests;
            errors += run.errors;
            elapsed = elapsed.plus(run.elapsed);
            size += run.latenciesNanos.length;
        }
        long[] all = new long[size];
        int at = 0;
        for (LoadResult run : runs) {
            System.arraycopy(run.latenciesNanos, 0, all, at, run.latenciesNanos.length);
            at += run.latenciesNanos.length;
        }
        return new LoadResult(name, requests, errors, elapsed, all);
    }
}
