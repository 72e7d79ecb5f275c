package io.omnihub.inventory.stock;

/**
 * The bulk write named by the outbox entry failed, or it is unknown what it stored: the relay stops waiting for it
 * and the stored entry is relayed by the safety net (the pairs as they are stored then).
 */
public record AvailabilityWriteFailed(String entryId) {
}
