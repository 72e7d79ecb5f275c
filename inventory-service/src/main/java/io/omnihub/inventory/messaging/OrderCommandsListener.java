package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.orders.ConsumeStock;
import io.omnihub.contracts.orders.MarkOutOfStock;
import io.omnihub.contracts.orders.ReleaseStock;
import io.omnihub.contracts.orders.ReserveStock;
import io.omnihub.contracts.orders.RestockReturn;
import io.omnihub.inventory.reservation.ReservationService;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * {@code orders.commands} (key order id) into reservations and the stock ledger, each record bound by its
 * {@code ce_type}. The offset is committed after the handler returned, i.e. after the command's effect and its
 * answer are stored; the answer reaches {@code inventory.reservations} through the outbox relay.
 */
@Component
@KafkaListener(topics = Topics.ORDERS_COMMANDS)
class OrderCommandsListener {

    private final ReservationService reservations;

    OrderCommandsListener(ReservationService reservations) {
        this.reservations = reservations;
    }

    @KafkaHandler
    void reserve(ReserveStock command) {
        reservations.handle(ReservationEvents.toCommand(command));
    }

    @KafkaHandler
    void release(ReleaseStock command) {
        reservations.handle(ReservationEvents.toCommand(command));
    }

    @KafkaHandler
    void consume(ConsumeStock command) {
        reservations.handle(ReservationEvents.toCommand(command));
    }

    @KafkaHandler
    void restock(RestockReturn command) {
        reservations.handle(ReservationEvents.toCommand(command));
    }

    @KafkaHandler
    void markOutOfStock(MarkOutOfStock command) {
        reservations.handle(ReservationEvents.toCommand(command));
    }

    /** A record without a type this topic carries is dead-lettered at once, saying so, never guessed at. */
    @KafkaHandler(isDefault = true)
    void unknown(Object event, @Header(name = CloudEventHeaders.TYPE, required = false) String type) {
        throw new InvalidEventException(Topics.ORDERS_COMMANDS + " carries ReserveStock, ReleaseStock, ConsumeStock, "
                + "RestockReturn and MarkOutOfStock, told apart by the " + CloudEventHeaders.TYPE + " header; this "
                + "record's is " + (type == null ? "missing" : "'" + type + "'"));
    }
}
