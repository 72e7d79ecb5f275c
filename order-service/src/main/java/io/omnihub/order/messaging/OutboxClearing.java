package io.omnihub.order.messaging;

import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.OrderRepository.SentOutbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Outboxes the broker has acknowledged, removed from their orders a little later and many at once: the order's
 * next write (the reservation answer, usually within milliseconds of the acknowledged ReserveStock) supersedes the
 * removal of the revision before it, so an order's outbox is emptied once on its way to the store instead of after
 * every write, and the removals of a while go to MongoDB as ONE bulk write. Used by the relay's thread only.
 * Until the removal, the order stays {@code unpublished}: a crash in between sends those messages again with their
 * ids, as any crash between the acknowledgement and the removal always did.
 */
final class OutboxClearing {

    private record Pending(SentOutbox outbox, long since) {
    }

    private final Consumer<List<SentOutbox>> remove;
    private final long delayNanos;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /**
     * @param remove removes the outboxes of those revisions, all at once ({@link OrderRepository#outboxesSent})
     * @param delay  how long an acknowledged outbox waits for a newer write of its order
     */
    OutboxClearing(Consumer<List<SentOutbox>> remove, Duration delay) {
        this.remove = remove;
        this.delayNanos = delay.toNanos();
    }

    /**
     * The whole outbox of {@code revision} is on Kafka ({@code now} in {@link System#nanoTime()}'s terms): to be
     * removed unless a newer revision's comes first.
     */
    void sent(String orderId, long revision, long now) {
        Pending held = pending.get(orderId);
        if (held == null || held.outbox().revision() <= revision) {
            // the first removal's time is kept: a steady stream of writes to one order still gets cleared
            long since = held == null ? now : held.since();
            // put keeps an order's place: the map stays in the order of the first waiting removal
            pending.put(orderId, new Pending(new SentOutbox(orderId, revision), since));
        }
    }

    /** A newer revision of the order was written: its own removal, once sent, covers what the older one held. */
    void superseded(String orderId, long newerRevision) {
        Pending held = pending.get(orderId);
        if (held != null && held.outbox().revision() < newerRevision) {
            pending.remove(orderId);
        }
    }

    /** The order's outbox is being changed another way (part of it failed): nothing to remove for it here. */
    void forget(String orderId) {
        pending.remove(orderId);
    }

    /** How many removals wait. */
    int size() {
        return pending.size();
    }

    /**
     * Once the oldest removal has waited the delay by {@code now}, removes it and every other that has waited half
     * of it (an answer comes within milliseconds, so those are not waiting for one any more) in one bulk write: a
     * write per half delay at most, whatever the rate, where a pass per order would write one removal each.
     */
    void flushDue(long now) {
        Iterator<Pending> oldest = pending.values().iterator();
        if (!oldest.hasNext() || now - oldest.next().since() < delayNanos) {
            return;
        }
        List<SentOutbox> due = new ArrayList<>();
        for (Iterator<Pending> each = pending.values().iterator(); each.hasNext(); ) {
            Pending held = each.next();
            if (now - held.since() < delayNanos / 2) {
                break;
            }
            due.add(held.outbox());
            each.remove();
        }
        remove.accept(due);
    }
}
