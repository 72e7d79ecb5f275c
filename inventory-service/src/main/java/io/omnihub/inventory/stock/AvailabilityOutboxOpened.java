package io.omnihub.inventory.stock;

/**
 * An outbox entry was stored and the bulk write it names is about to run. Sent before the write, so the relay
 * keeps the writes' order: a pair written by two writers one after the other (the second read the first's write)
 * is announced in that order, whatever thread tells the relay first that it is done.
 */
public record AvailabilityOutboxOpened(String entryId) {
}
