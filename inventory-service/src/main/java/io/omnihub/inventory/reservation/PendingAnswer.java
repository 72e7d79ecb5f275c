package io.omnihub.inventory.reservation;

/** An answer stored with its command, waiting to be relayed to Kafka; {@code sending} tells its sends apart. */
public record PendingAnswer(String commandId, String orderId, String fulfillmentId, String storeId,
        ReservationAnswer answer, long sending) {
}
