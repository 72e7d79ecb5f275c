package io.omnihub.order.model;

import java.time.Instant;

/**
 * Delivery of a fulfilment's assignment to the store's own ERP endpoint, persisted so an unreachable ERP only
 * delays it: retried at {@code nextAttemptAt} until it succeeds or the fulfilment is no longer waiting.
 */
public record ErpPush(State state, int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {

    public enum State {
        PENDING, DELIVERED, ABANDONED
    }

    static ErpPush pending(Instant now) {
        return new ErpPush(State.PENDING, 0, now, null, null);
    }

    public ErpPush delivered(Instant now) {
        return new ErpPush(State.DELIVERED, attempts + 1, null, null, now);
    }

    public ErpPush failed(String error, Instant retryAt) {
        return new ErpPush(State.PENDING, attempts + 1, retryAt, error, null);
    }

    public ErpPush abandoned() {
        return state == State.PENDING ? new ErpPush(State.ABANDONED, attempts, null, lastError, null) : this;
    }
}
