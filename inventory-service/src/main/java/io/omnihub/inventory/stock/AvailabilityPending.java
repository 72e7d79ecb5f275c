package io.omnihub.inventory.stock;

/** Some availability has been stored that is not on Kafka yet: the relay should run now, not at its next tick. */
public record AvailabilityPending(String storeId, String ean, long version) {
}
