package io.omnihub.order.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.contracts.inventory.ReservationConfirmed;
import io.omnihub.contracts.inventory.ReservationRefused;
import io.omnihub.contracts.inventory.ReservationReleased;
import io.omnihub.order.fulfillment.ReservationAnswers;
import io.omnihub.platform.kafka.CloudEventHeaders;
import io.omnihub.platform.kafka.InvalidEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Inventory's answers on {@code inventory.reservations}: a confirmed reservation offers the fulfilment to its
 * store, a refused one sends its lines to the next candidate. Late or repeated answers change nothing.
 */
@Component
@KafkaListener(topics = Topics.INVENTORY_RESERVATIONS)
class ReservationsListener {

    private static final Logger log = LoggerFactory.getLogger(ReservationsListener.class);

    private final ReservationAnswers answers;

    ReservationsListener(ReservationAnswers answers) {
        this.answers = answers;
    }

    @KafkaHandler
    void confirmed(ReservationConfirmed event) {
        require(event.orderId(), event.fulfillmentId());
        answers.confirmed(event.orderId(), event.fulfillmentId());
    }

    @KafkaHandler
    void refused(ReservationRefused event) {
        require(event.orderId(), event.fulfillmentId());
        log.info("Reservation of {} at {} refused: {}", event.fulfillmentId(), event.storeId(), event.shortages());
        answers.refused(event.orderId(), event.fulfillmentId());
    }

    @KafkaHandler
    void released(ReservationReleased event) {
        // the order already counts the units as given back when it sends ReleaseStock
        log.debug("Reservation of {} released: {}", event.fulfillmentId(), event.lines());
    }

    @KafkaHandler(isDefault = true)
    void unknown(Object event, @Header(name = CloudEventHeaders.TYPE, required = false) String type) {
        throw new InvalidEventException(Topics.INVENTORY_RESERVATIONS + " carries reservation confirmed, refused and "
                + "released; this record's " + CloudEventHeaders.TYPE + " is "
                + (type == null ? "missing" : "'" + type + "'"));
    }

    private static void require(String orderId, String fulfillmentId) {
        if (orderId == null || fulfillmentId == null) {
            throw new InvalidEventException("a reservation answer needs orderId and fulfillmentId");
        }
    }
}
