package io.omnihub.ingest.imports;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the events of one import that Kafka has not yet acknowledged, without keeping one future per
 * row (a file may have a million): an import completes only when every event is durable.
 */
public final class Acknowledgements {

    private final Object lock = new Object();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private long pending;

    public void track(CompletableFuture<?> send) {
        synchronized (lock) {
            pending++;
        }
        send.whenComplete((result, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
            synchronized (lock) {
                pending--;
                lock.notifyAll();
            }
        });
    }

    /** Returns once all are acknowledged; throws if one failed or the broker is too slow. */
    public void awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (pending > 0 && failure.get() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(pending + " events not acknowledged by Kafka within " + timeout);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Kafka", e);
                }
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused an event: " + failure.get().getMessage(), failure.get());
        }
    }
}
