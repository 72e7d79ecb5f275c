package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.inventory.reservation.AnswerPending;
import io.omnihub.inventory.reservation.PendingAnswer;
import io.omnihub.inventory.reservation.ReservationOutbox;
import io.omnihub.inventory.stock.AvailabilityPending;
import io.omnihub.inventory.stock.StockOutbox;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.platform.kafka.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Relays the two outboxes: availability to the compacted {@code inventory.availability} (key {@code storeId:ean})
 * and the answers to order-service's commands to {@code inventory.reservations} (key order id). It runs right
 * after a write stored something to send, and every {@code interval} as a safety net, so what was stored before a
 * crash is sent after the restart. One thread does all rounds, one after the other, and a round marks a record
 * sent only once the broker has acknowledged it (acks=all): a key's records reach the topic in order, and a crash
 * between the write and the send loses nothing, it only sends a record twice (with the same event id).
 */
@Component
class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Rounds one pass may run before it lets the next scheduled pass take over. */
    private static final int MAX_ROUNDS = 1_000;

    private final StockOutbox outbox;
    private final ReservationOutbox answers;
    private final EventPublisher publisher;
    private final RelayProperties properties;

    OutboxRelay(StockOutbox outbox, ReservationOutbox answers, EventPublisher publisher,
            RelayProperties properties) {
        super("outbox-relay", properties.interval(), properties.autoStartup());
        this.outbox = outbox;
        this.answers = answers;
        this.publisher = publisher;
        this.properties = properties;
    }

    @EventListener
    void on(AvailabilityPending pending) {
        wake();
    }

    @EventListener
    void on(AnswerPending pending) {
        wake();
    }

    @Override
    protected void pass() {
        drain("Availability", outbox::pending, availability -> publisher.publish(Topics.INVENTORY_AVAILABILITY,
                StockEvents.key(availability), StockEvents.eventId(availability), StockEvents.toEvent(availability)),
                outbox::markPublished, availability -> StockEvents.key(availability) + " version "
                        + availability.version());
        drain("Reservation answer", answers::pending, answer -> publisher.publish(Topics.INVENTORY_RESERVATIONS,
                answer.orderId(), ReservationEvents.eventId(answer), ReservationEvents.toEvent(answer)),
                answers::markPublished, PendingAnswer::commandId);
    }

    /** Relays one outbox batch by batch until it is empty, or a batch was not acknowledged in full. */
    private <T> void drain(String what, IntFunction<List<T>> pending, Function<T, CompletableFuture<?>> send,
            Predicate<T> markSent, Function<T, String> name) {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<T> batch = pending.apply(properties.batchSize());
                int sent = relay(what, batch, send, markSent, name);
                // a short batch was the end of the outbox; a batch with failures waits for the next pass
                if (batch.size() < properties.batchSize() || sent < batch.size()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("{} relay pass failed; the next one retries: {}", what, e.toString());
        }
    }

    /** Sends the batch, waits for the acknowledgements, marks what was acknowledged; answers how many were. */
    private <T> int relay(String what, List<T> batch, Function<T, CompletableFuture<?>> send, Predicate<T> markSent,
            Function<T, String> name) {
        List<CompletableFuture<?>> sent = new ArrayList<>(batch.size());
        for (T record : batch) {
            sent.add(send.apply(record));
        }
        int acknowledged = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                sent.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                markSent.test(batch.get(i));
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return acknowledged;
            } catch (Exception e) {
                log.warn("{} {} not acknowledged; it stays in the outbox: {}", what, name.apply(batch.get(i)),
                        e.toString());
            }
        }
        return acknowledged;
    }
}
