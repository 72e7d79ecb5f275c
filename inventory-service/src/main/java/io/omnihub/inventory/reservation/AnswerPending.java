package io.omnihub.inventory.reservation;

/**
 * An answer has been stored that is not on Kafka yet: the relay should send it now, not at its next tick. It carries
 * the answer as stored, so the relay need not read it back.
 */
public record AnswerPending(PendingAnswer answer) {

    public String commandId() {
        return answer.commandId();
    }
}
