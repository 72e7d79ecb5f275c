package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.inventory.reservation.AnswerPending;
import io.omnihub.inventory.reservation.PendingAnswer;
import io.omnihub.inventory.reservation.ReservationOutbox;
import io.omnihub.inventory.stock.AvailabilityPending;
import io.omnihub.inventory.stock.PendingAvailability;
import io.omnihub.inventory.stock.StockOutbox;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.platform.kafka.EventPublisher;
import io.omnihub.platform.web.CorrelationId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Relays the two outboxes: availability to the compacted {@code inventory.availability} (key {@code storeId:ean})
 * and the answers to order-service's commands to {@code inventory.reservations} (key order id). One thread does
 * all rounds, one after the other, and a round marks a record sent only once the broker has acknowledged it
 * (acks=all): a key's records reach the topic in order, and a crash between the write and the send loses
 * nothing, it only sends a record twice (with the same event id).
 *
 * <p>What this process stores is handed over right after the write (the events {@link AvailabilityPending} and
 * {@link AnswerPending}) and relayed from memory, a batch at a time: availability without reading it back (the
 * event carries what was stored; only the newest version of a pair waiting in memory is sent), answers with one
 * read by {@code _id}. The stored outboxes are the safety net, looked at when nothing waits in memory and at most
 * every {@code interval}: what was stored before a crash, or by another replica, is sent from there.
 */
@Component
class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Rounds one pass may run before it lets the next scheduled pass take over. */
    private static final int MAX_ROUNDS = 1_000;
    /** The most one look at a stored outbox relays; what is left waits for the next look. */
    private static final int STORED_LIMIT = 50_000;

    private final StockOutbox outbox;
    private final ReservationOutbox answers;
    private final EventPublisher publisher;
    private final RelayProperties properties;
    /** Availability handed over and not yet sent: the newest version of each pair, in the order they came. */
    private final Map<String, PendingAvailability> availability = new LinkedHashMap<>();
    /** Commands whose answer was handed over and not yet sent. */
    private final Set<String> answered = new LinkedHashSet<>();
    private boolean adopted;
    private volatile long nextStoredPass;

    OutboxRelay(StockOutbox outbox, ReservationOutbox answers, EventPublisher publisher,
            RelayProperties properties) {
        super("outbox-relay", properties.interval(), properties.autoStartup());
        this.outbox = outbox;
        this.answers = answers;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** A stopped relay takes nothing over: what is stored meanwhile is found in the stored outbox on start. */
    @EventListener
    void on(AvailabilityPending pending) {
        if (isRunning()) {
            PendingAvailability stored = pending.availability();
            synchronized (availability) {
                availability.merge(StockEvents.key(stored), stored,
                        (waiting, newer) -> newer.version() > waiting.version() ? newer : waiting);
            }
            wake();
        }
    }

    @EventListener
    void on(AnswerPending pending) {
        if (isRunning()) {
            synchronized (answered) {
                answered.add(pending.commandId());
            }
            wake();
        }
    }

    @Override
    public synchronized void start() {
        // after a stop, what was stored meanwhile is only in the stored outboxes: look there first
        nextStoredPass = System.nanoTime();
        super.start();
    }

    @Override
    protected void pass() {
        adoptUnindexedOnce();
        drain("Availability", this::takeAvailability, this::send, outbox::markPublished, this::name,
                this::giveBack);
        drain("Reservation answer", limit -> answers.pendingOf(take(answered, limit)), this::send,
                this::markAnswers, PendingAnswer::commandId, unsent -> unsent.forEach(answer -> {
                    synchronized (answered) {
                        answered.add(answer.commandId());
                    }
                }));
        if (isEmpty() && System.nanoTime() - nextStoredPass >= 0) {
            nextStoredPass = System.nanoTime() + properties.interval().toNanos();
            relayStored("Availability", outbox::pending, this::send, outbox::markPublished, this::name);
            relayStored("Reservation answer", answers::pending, this::send, this::markAnswers,
                    PendingAnswer::commandId);
        }
    }

    /**
     * The safety net: ONE read of the stored outbox (up to {@link #STORED_LIMIT}), relayed batch by batch. Not a
     * read per batch: the emulator loads every pending document to answer any query of its outbox (sorting in
     * memory), so a read per batch would make a large backlog (after a restart) quadratic.
     */
    private <T> void relayStored(String what, IntFunction<List<T>> pending, Function<T, CompletableFuture<?>> send,
            Function<List<T>, Integer> markSent, Function<T, String> name) {
        try {
            List<T> stored = pending.apply(STORED_LIMIT);
            for (int from = 0; from < stored.size(); from += properties.batchSize()) {
                List<T> batch = stored.subList(from, Math.min(stored.size(), from + properties.batchSize()));
                if (!relay(what, batch, send, markSent, name).isEmpty()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("{} relay pass over the stored outbox failed; the next one retries: {}", what, e.toString());
        }
    }

    private void adoptUnindexedOnce() {
        if (adopted) {
            return;
        }
        try {
            int pairs = outbox.adoptUnindexed();
            int commands = answers.adoptUnindexed();
            if (pairs + commands > 0) {
                log.info("Outbox: {} pairs and {} answers stored before the outbox index put in it", pairs, commands);
            }
            adopted = true;
        } catch (RuntimeException e) {
            log.warn("Outbox adoption failed; the next pass retries: {}", e.toString());
        }
    }

    private boolean isEmpty() {
        synchronized (availability) {
            synchronized (answered) {
                return availability.isEmpty() && answered.isEmpty();
            }
        }
    }

    private List<PendingAvailability> takeAvailability(int limit) {
        List<PendingAvailability> batch = new ArrayList<>(Math.min(limit, 1024));
        synchronized (availability) {
            Iterator<PendingAvailability> waiting = availability.values().iterator();
            while (waiting.hasNext() && batch.size() < limit) {
                batch.add(waiting.next());
                waiting.remove();
            }
        }
        return batch;
    }

    /** Not acknowledged: waits in memory again, unless a newer version of the pair came meanwhile. */
    private void giveBack(List<PendingAvailability> unsent) {
        synchronized (availability) {
            unsent.forEach(stored -> availability.merge(StockEvents.key(stored), stored,
                    (waiting, older) -> waiting.version() >= older.version() ? waiting : older));
        }
    }

    private static List<String> take(Set<String> waiting, int limit) {
        List<String> batch = new ArrayList<>();
        synchronized (waiting) {
            Iterator<String> ids = waiting.iterator();
            while (ids.hasNext() && batch.size() < limit) {
                batch.add(ids.next());
                ids.remove();
            }
        }
        return batch;
    }

    /** Sent under the correlation id of the change that made the version (stored with it), not this thread's. */
    private CompletableFuture<?> send(PendingAvailability stored) {
        try (var scope = CorrelationId.open(stored.correlationId())) {
            return publisher.publish(Topics.INVENTORY_AVAILABILITY, StockEvents.key(stored),
                    StockEvents.eventId(stored), StockEvents.toEvent(stored));
        }
    }

    /** Sent under the correlation id of the command answered (order-service follows its order's id with it). */
    private CompletableFuture<?> send(PendingAnswer answer) {
        try (var scope = CorrelationId.open(answer.correlationId())) {
            return publisher.publish(Topics.INVENTORY_RESERVATIONS, answer.orderId(),
                    ReservationEvents.eventId(answer), ReservationEvents.toEvent(answer));
        }
    }

    private int markAnswers(List<PendingAnswer> sent) {
        return (int) sent.stream().filter(answers::markPublished).count();
    }

    private String name(PendingAvailability stored) {
        return StockEvents.key(stored) + " version " + stored.version();
    }

    /**
     * Relays one outbox batch by batch until it is empty, or a batch was not acknowledged in full (what was not
     * is given back, for the next pass).
     */
    private <T> void drain(String what, IntFunction<List<T>> pending, Function<T, CompletableFuture<?>> send,
            Function<List<T>, Integer> markSent, Function<T, String> name,
            Consumer<List<T>> giveBack) {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<T> batch = pending.apply(properties.batchSize());
                List<T> unsent = relay(what, batch, send, markSent, name);
                if (!unsent.isEmpty()) {
                    giveBack.accept(unsent);
                    return;
                }
                // a short batch was the end of the outbox
                if (batch.size() < properties.batchSize()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("{} relay pass failed; the next one retries: {}", what, e.toString());
        }
    }

    /** Sends the batch, waits for the acknowledgements, marks what was acknowledged; answers what was not. */
    private <T> List<T> relay(String what, List<T> batch, Function<T, CompletableFuture<?>> send,
            Function<List<T>, Integer> markSent, Function<T, String> name) {
        List<CompletableFuture<?>> sent = new ArrayList<>(batch.size());
        for (T record : batch) {
            sent.add(send.apply(record));
        }
        List<T> acknowledged = new ArrayList<>(batch.size());
        List<T> unsent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                sent.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(batch.get(i));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unsent.addAll(batch.subList(i, batch.size()));
                break;
            } catch (Exception e) {
                log.warn("{} {} not acknowledged; it stays in the outbox: {}", what, name.apply(batch.get(i)),
                        e.toString());
                unsent.add(batch.get(i));
            }
        }
        try {
            markSent.apply(acknowledged);
        } catch (RuntimeException e) {
            // sent but not marked: still pending in the stored outbox, sent again from there (same event ids)
            log.warn("{} relay could not mark {} records sent: {}", what, acknowledged.size(), e.toString());
        }
        return unsent;
    }
}
