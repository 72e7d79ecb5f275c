package io.omnihub.inventory.reservation;

/** An answer has been stored that is not on Kafka yet: the relay should run now, not at its next tick. */
public record AnswerPending(String commandId) {
}
