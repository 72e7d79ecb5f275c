package io.omnihub.inventory.reservation;

/**
 * An answer stored with its command, waiting to be relayed to Kafka; {@code sending} tells its sends apart, and
 * {@code correlationId} is the command's (null when it had none, or was stored before it was kept).
 */
public record PendingAnswer(String commandId, String orderId, String fulfillmentId, String storeId,
        ReservationAnswer answer, long sending, String correlationId) {
}
