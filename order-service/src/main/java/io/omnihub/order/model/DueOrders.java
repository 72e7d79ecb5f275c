package io.omnihub.order.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The orders a background loop has to look at: those this process just wrote (named by their {@link OrderChanged}
 * event, looked up by id), and, every {@code sweepInterval} and after each restart of the loop, those a query
 * finds in MongoDB (what a crash or another replica left). The query is a read of an index (MongoDB's, and the
 * embedded one's since it keeps non-unique indexes); run per order, even that would be a MongoDB command per order.
 */
public final class DueOrders {

    private final ConcurrentLinkedQueue<String> announced = new ConcurrentLinkedQueue<>();
    private final long sweepNanos;
    private volatile long lastSweep;
    private volatile boolean sweepNow = true;

    public DueOrders(Duration sweepInterval) {
        this.sweepNanos = sweepInterval.toNanos();
    }

    /** An order this process wrote needs a look. */
    public void announce(String orderId) {
        announced.add(orderId);
    }

    /** The next pass sweeps MongoDB (at start, and when the loop starts again). */
    public void sweepNext() {
        sweepNow = true;
    }

    /** The orders of this pass, each once, oldest announcement first; the sweep's when one is due. */
    public List<String> take(Supplier<List<String>> sweep) {
        Set<String> due = new LinkedHashSet<>();
        for (String orderId; (orderId = announced.poll()) != null; ) {
            due.add(orderId);
        }
        long now = System.nanoTime();
        if (sweepNow || now - lastSweep >= sweepNanos) {
            sweepNow = false;
            lastSweep = now;
            due.addAll(sweep.get());
        }
        return new ArrayList<>(due);
    }
}
