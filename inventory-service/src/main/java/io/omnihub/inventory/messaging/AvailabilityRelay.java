package io.omnihub.inventory.messaging;

import io.omnihub.contracts.Topics;
import io.omnihub.inventory.stock.AvailabilityPending;
import io.omnihub.inventory.stock.PendingAvailability;
import io.omnihub.inventory.stock.StockOutbox;
import io.omnihub.platform.kafka.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Relays the availability outbox to the compacted {@code inventory.availability} (key {@code storeId:ean}):
 * right after a write stored a change, and every {@code interval} as a safety net, so what was stored before a
 * crash is sent after the restart. One thread does all rounds, one after the other, and a round marks a pair
 * published only once the broker has acknowledged it (acks=all): a pair's versions reach the topic in order, and
 * a crash between the write and the send loses nothing, it only sends a version twice.
 */
@Component
class AvailabilityRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityRelay.class);
    /** Rounds one pass may run before it lets the next scheduled pass take over. */
    private static final int MAX_ROUNDS = 1_000;

    private final StockOutbox outbox;
    private final EventPublisher publisher;
    private final RelayProperties properties;
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    AvailabilityRelay(StockOutbox outbox, EventPublisher publisher, RelayProperties properties) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.properties = properties;
    }

    @EventListener
    void on(AvailabilityPending pending) {
        wake();
    }

    /** Asks for a pass soon; wake-ups while one is queued are folded into it. */
    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && passQueued.compareAndSet(false, true)) {
            try {
                running.execute(this::pass);
            } catch (RuntimeException stopping) {
                passQueued.set(false);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "availability-relay");
                thread.setDaemon(true);
                return thread;
            });
            long interval = properties.interval().toMillis();
            executor.scheduleWithFixedDelay(this::pass, 0, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStartup();
    }

    private void pass() {
        passQueued.set(false);
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<PendingAvailability> batch = outbox.pending(properties.batchSize());
                int published = relay(batch);
                // a short batch was the end of the outbox; a batch with failures waits for the next pass
                if (batch.size() < properties.batchSize() || published < batch.size()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Availability relay pass failed; the next one retries: {}", e.toString());
        }
    }

    /** Sends the batch, waits for the acknowledgements, marks what was acknowledged; answers how many were. */
    private int relay(List<PendingAvailability> batch) {
        List<CompletableFuture<?>> sent = new ArrayList<>(batch.size());
        for (PendingAvailability availability : batch) {
            sent.add(publisher.publish(Topics.INVENTORY_AVAILABILITY, StockEvents.key(availability),
                    StockEvents.eventId(availability), StockEvents.toEvent(availability)));
        }
        int published = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                sent.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                outbox.markPublished(batch.get(i));
                published++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return published;
            } catch (Exception e) {
                log.warn("Availability of {} version {} not acknowledged; it stays in the outbox: {}",
                        StockEvents.key(batch.get(i)), batch.get(i).version(), e.toString());
            }
        }
        return published;
    }
}
