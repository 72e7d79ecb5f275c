package io.omnihub.gateway.ratelimit;

/**
 * A bucket of {@code capacity} tokens refilled at {@code perSecond}: a request takes one token, a burst may take
 * the whole bucket, and a steady caller gets {@code perSecond} requests a second. Kept as the time at which the
 * bucket would be full again (the generic cell rate algorithm), in whole nanoseconds, so no fraction of a token is
 * lost to rounding. Time is given, not read, so the bucket is tested without waiting.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final Limit limit;
    private final long interval;
    private final long burst;
    private long fullAt;

    TokenBucket(Limit limit, long nowNanos) {
        this.limit = limit;
        this.interval = Math.max(1, Math.round(NANOS_PER_SECOND / limit.perSecond()));
        this.burst = (limit.capacity() - 1) * interval;
        this.fullAt = nowNanos;
    }

    Limit limit() {
        return limit;
    }

    /** Takes a token: 0 when granted, else the nanoseconds until the next token. */
    synchronized long tryTake(long nowNanos) {
        long base = Math.max(fullAt, nowNanos);
        long ahead = base - nowNanos;
        if (ahead > burst) {
            return ahead - burst;
        }
        fullAt = base + interval;
        return 0;
    }
}
