package io.omnihub.inventory.stock;

import java.util.List;

/**
 * A bulk write of the stock, announced before by {@link AvailabilityOutboxOpened}, is done: {@code availability}
 * is what it stored that is not on Kafka yet (the pairs whose availability moved), so the relay need not read it
 * back, and the outbox entry {@code entryId} goes once that is on Kafka. Empty when the write landed no change to
 * announce (it lost every race).
 */
public record AvailabilityPending(String entryId, List<PendingAvailability> availability) {

    public AvailabilityPending {
        availability = List.copyOf(availability);
    }
}
