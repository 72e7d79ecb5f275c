package io.omnihub.ingest.sheet;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.MDC;

/**
 * Reading a sheet on one thread while its rows are validated, serialised and sent on another: the reader (the
 * caller) hands rows to one worker through a bounded queue, so memory holds at most {@link #CAPACITY} rows and
 * the rows reach the consumer one at a time, in file order (per-product order is kept). The worker runs under
 * the caller's logging context (its correlation id goes onto the events). A failure of the consumer stops the
 * reader at its next row and is rethrown as it was thrown.
 */
final class RowPipeline implements Consumer<SheetRow> {

    static final int CAPACITY = 2_048;
    private static final SheetRow END = new SheetRow(-1, java.util.List.of());

    private final BlockingQueue<SheetRow> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread worker;
    private volatile Throwable failure;

    RowPipeline(Consumer<SheetRow> rows) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        worker = new Thread(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                for (SheetRow row = queue.take(); row != END; row = queue.take()) {
                    rows.accept(row);
                }
            } catch (InterruptedException e) {
                failure = e;
            } catch (RuntimeException | Error e) {
                failure = e;
                // the reader may be waiting for room
                queue.clear();
            } finally {
                MDC.clear();
            }
        }, Thread.currentThread().getName() + "-rows");
        worker.setDaemon(true);
        worker.start();
    }

    /** Called by the reader: waits while the queue is full; throws the consumer's failure if it failed. */
    @Override
    public void accept(SheetRow row) {
        hand(row);
    }

    /** Waits until every row handed so far is consumed; rethrows the consumer's failure, if any. */
    void finish() {
        if (failure == null) {
            hand(END);
        }
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rows were being imported", e);
        }
        rethrowFailure();
    }

    /** Ends the worker if it still waits (the reader died of an Error): no thread outlives its file. */
    void stop() {
        if (worker.isAlive()) {
            worker.interrupt();
        }
    }

    /** Whether the consumer (rather than the reader) failed: its exception is the one to report. */
    boolean consumerFailed() {
        return failure != null;
    }

    private void hand(SheetRow row) {
        try {
            while (!queue.offer(row, 50, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the rows", e);
        }
        rethrowFailure();
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw new IllegalStateException("the rows' worker was interrupted", failed);
        }
    }
}
