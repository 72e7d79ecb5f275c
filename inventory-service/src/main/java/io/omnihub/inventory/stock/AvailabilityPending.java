package io.omnihub.inventory.stock;

/**
 * Some availability has been stored that is not on Kafka yet: the relay should send it now, not at its next
 * pass. It carries what was stored, so the relay need not read it back.
 */
public record AvailabilityPending(PendingAvailability availability) {
}
