package io.omnihub.order.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the messages the broker acknowledged, per order, for the most recently sent {@code capacity} orders:
 * a writer that read an order before the relay emptied its outbox writes those messages back, and the relay then
 * knows not to send them again. Forgetting (eviction, a restart) only means a message may be sent twice, with its
 * id, as after a crash.
 */
final class AcknowledgedMessages {

    private final Map<String, Set<String>> byOrder;

    AcknowledgedMessages(int capacity) {
        this.byOrder = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(String orderId, Collection<String> messageIds) {
        byOrder.computeIfAbsent(orderId, id -> new HashSet<>()).addAll(messageIds);
    }

    synchronized boolean contains(String orderId, String messageId) {
        Set<String> acknowledged = byOrder.get(orderId);
        return acknowledged != null && acknowledged.contains(messageId);
    }
}
