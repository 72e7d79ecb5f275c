package io.omnihub.gateway.ratelimit;

/**
 * One rate limit: a burst of up to {@code capacity} requests, then {@code perSecond} a second.
 */
record Limit(int capacity, double perSecond) {

    Limit {
        if (capacity < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("a rate limit needs capacity >= 1 and per-second > 0, got capacity "
                    + capacity + " per-second " + perSecond);
        }
    }
}
