package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.inventory.reservation.AnswerPending;
import io.omnihub.inventory.reservation.PendingAnswer;
import io.omnihub.inventory.reservation.ReservationOutbox;
import io.omnihub.inventory.stock.AvailabilityOutbox;
import io.omnihub.inventory.stock.AvailabilityOutboxOpened;
import io.omnihub.inventory.stock.AvailabilityPending;
import io.omnihub.inventory.stock.AvailabilityWriteFailed;
import io.omnihub.inventory.stock.PendingAvailability;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.platform.kafka.EventPublisher;
import io.omnihub.platform.web.CorrelationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
 * event carries what was stored; only the newest version of a pair is sent), answers as the event carries them
 * (marked sent with one bulk write per batch). Availability is relayed in the order of its outbox entries, each announced before its bulk write
 * ({@link AvailabilityOutboxOpened}): a pair written twice, by two listener threads one after the other, is
 * announced in that order even when the second thread reports first; the entries go once their pairs are
 * acknowledged. The stored outboxes are the safety net, looked at when nothing waits in memory and at most every
 * {@code interval}: what was stored before a crash, by a write that failed, or by another replica, is sent from
 * there (availability as the pairs are stored then).
 */
@Component
class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Rounds one pass may run before it lets the next scheduled pass take over. */
    private static final int MAX_ROUNDS = 1_000;
    /** The most one look at a stored outbox relays; what is left waits for the next look. */
    private static final int STORED_LIMIT = 50_000;
    /** The most availability entries (up to 500 pairs each) one look at the stored outbox relays. */
    private static final int STORED_ENTRIES = 200;

    private final AvailabilityOutbox outbox;
    private final ReservationOutbox answers;
    private final EventPublisher publisher;
    private final RelayProperties properties;
    /**
     * The outbox entries of this process's bulk writes, in the order they were opened: null while the write runs,
     * then what it stored to announce.
     */
    private final Map<String, List<PendingAvailability>> entries = new LinkedHashMap<>();
    /** The answers handed over and not yet sent, by command id (an answer queued again replaces the one before). */
    private final Map<String, PendingAnswer> answered = new LinkedHashMap<>();
    private boolean adopted;
    private volatile long nextStoredPass;

    OutboxRelay(AvailabilityOutbox outbox, ReservationOutbox answers, EventPublisher publisher,
            RelayProperties properties) {
        super("outbox-relay", properties.interval(), properties.autoStartup());
        this.outbox = outbox;
        this.answers = answers;
        this.publisher = publisher;
        this.properties = properties;
    }

    /** A stopped relay takes nothing over: what is stored meanwhile is found in the stored outbox on start. */
    @EventListener
    void on(AvailabilityOutboxOpened opened) {
        if (isRunning()) {
            synchronized (entries) {
                entries.put(opened.entryId(), null);
            }
        }
    }

    /** An entry opened while the relay was stopped is not waited for: the safety net relays it. */
    @EventListener
    void on(AvailabilityPending pending) {
        boolean waited = false;
        synchronized (entries) {
            if (entries.containsKey(pending.entryId())) {
                entries.put(pending.entryId(), pending.availability());
                waited = true;
            }
        }
        if (waited) {
            wake();
        }
    }

    @EventListener
    void on(AvailabilityWriteFailed failed) {
        synchronized (entries) {
            entries.remove(failed.entryId());
        }
        wake();
    }

    @EventListener
    void on(AnswerPending pending) {
        if (isRunning()) {
            synchronized (answered) {
                answered.put(pending.commandId(), pending.answer());
            }
            wake();
        }
    }

    @Override
    public synchronized void start() {
        // after a stop, what was stored meanwhile is only in the stored outboxes: look there first
        nextStoredPass = System.nanoTime();
        synchronized (entries) {
            entries.clear();
        }
        super.start();
    }

    @Override
    protected void pass() {
        adoptUnindexedOnce();
        relayAvailability();
        drain("Reservation answer", limit -> takeAnswers(limit), this::send, answers::markPublished,
                PendingAnswer::commandId, unsent -> unsent.forEach(answer -> {
                    synchronized (answered) {
                        answered.putIfAbsent(answer.commandId(), answer);
                    }
                }));
        if (isEmpty() && System.nanoTime() - nextStoredPass >= 0) {
            nextStoredPass = System.nanoTime() + properties.interval().toNanos();
            relayStoredAvailability();
            relayStored("Reservation answer", answers::pending, this::send, answers::markPublished,
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
            int commands = answers.adoptUnindexed();
            if (commands > 0) {
                log.info("Outbox: {} answers stored before the outbox index put in it", commands);
            }
            adopted = true;
        } catch (RuntimeException e) {
            log.warn("Outbox adoption failed; the next pass retries: {}", e.toString());
        }
    }

    private boolean isEmpty() {
        synchronized (entries) {
            synchronized (answered) {
                return entries.isEmpty() && answered.isEmpty();
            }
        }
    }

    /**
     * Relays the entries whose writes are done, oldest first, up to a batch of pairs at a time (the newest
     * version of each), stopping at the first entry whose write still runs; closes them once all is acknowledged.
     * What is not acknowledged stays in the stored outbox, for the safety net.
     */
    private void relayAvailability() {
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Map<String, List<PendingAvailability>> done = takeDoneEntries(properties.batchSize());
                if (done.isEmpty()) {
                    return;
                }
                Map<String, PendingAvailability> newest = new LinkedHashMap<>();
                done.values().forEach(written -> written.forEach(stored -> newest.merge(StockEvents.key(stored), stored,
                        (older, newer) -> newer.version() > older.version() ? newer : older)));
                if (!relay("Availability", List.copyOf(newest.values()), this::send, sent -> 0, this::name)
                        .isEmpty()) {
                    return;
                }
                outbox.close(done.keySet());
            }
        } catch (RuntimeException e) {
            log.warn("Availability relay pass failed; its entries are relayed from the stored outbox: {}",
                    e.toString());
        }
    }

    private Map<String, List<PendingAvailability>> takeDoneEntries(int pairs) {
        Map<String, List<PendingAvailability>> done = new LinkedHashMap<>();
        int taken = 0;
        synchronized (entries) {
            Iterator<Map.Entry<String, List<PendingAvailability>>> oldest = entries.entrySet().iterator();
            while (oldest.hasNext() && taken < pairs) {
                Map.Entry<String, List<PendingAvailability>> entry = oldest.next();
                if (entry.getValue() == null) {
                    // its write still runs: what comes after it waits, so a pair's versions go out in order
                    break;
                }
                done.put(entry.getKey(), entry.getValue());
                taken += entry.getValue().size();
                oldest.remove();
            }
        }
        return done;
    }

    /**
     * The safety net of availability: the stored entries this process is not relaying (left by a crash, a failed
     * write or send, another replica; another replica's only once older than {@code interval}, so that they are not
     * taken from under a write that still runs), their pairs announced as stored now, then the entries closed.
     */
    private void relayStoredAvailability() {
        try {
            Instant settled = Instant.now().minus(properties.interval());
            List<AvailabilityOutbox.Entry> stored = outbox.stored(STORED_ENTRIES).stream()
                    .filter(entry -> !isWaitedFor(entry.id()))
                    .filter(entry -> entry.createdAt() == null || entry.createdAt().isBefore(settled)).toList();
            List<AvailabilityOutbox.Entry> chunk = new ArrayList<>();
            Set<String> pairs = new LinkedHashSet<>();
            for (AvailabilityOutbox.Entry entry : stored) {
                chunk.add(entry);
                pairs.addAll(entry.pairs());
                if (pairs.size() >= properties.batchSize()) {
                    if (!relayStoredChunk(chunk, pairs)) {
                        return;
                    }
                    chunk.clear();
                    pairs.clear();
                }
            }
            relayStoredChunk(chunk, pairs);
        } catch (RuntimeException e) {
            log.warn("Availability relay pass over the stored outbox failed; the next one retries: {}", e.toString());
        }
    }

    private boolean relayStoredChunk(Collection<AvailabilityOutbox.Entry> chunk, Collection<String> pairs) {
        if (chunk.isEmpty()) {
            return true;
        }
        List<PendingAvailability> current = outbox.current(pairs);
        if (current == null) {
            // a torn read: the next look reads them again
            return false;
        }
        if (!relay("Availability", current, this::send, sent -> 0, this::name).isEmpty()) {
            return false;
        }
        outbox.close(chunk.stream().map(AvailabilityOutbox.Entry::id).toList());
        return true;
    }

    private boolean isWaitedFor(String entryId) {
        synchronized (entries) {
            return entries.containsKey(entryId);
        }
    }

    /** Up to {@code limit} of the answers handed over, oldest first (an order's answers keep their order). */
    private List<PendingAnswer> takeAnswers(int limit) {
        List<PendingAnswer> batch = new ArrayList<>();
        synchronized (answered) {
            Iterator<PendingAnswer> oldest = answered.values().iterator();
            while (oldest.hasNext() && batch.size() < limit) {
                batch.add(oldest.next());
                oldest.remove();
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

    private String name(PendingAvailability stored) {
        return StockEvents.key(stored) + " version " + stored.version();
    }

    /**
     * Relays the answers batch by batch until none wait, or a batch was not acknowledged in full (what was not
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
