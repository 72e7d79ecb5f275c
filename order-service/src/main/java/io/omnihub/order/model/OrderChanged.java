package io.omnihub.order.model;

import java.util.List;

/**
 * Published (in-process) after an order was written, so that the routing and outbox workers act on it at once
 * instead of at their next scheduled pass.
 *
 * @param revision the revision written
 * @param outbox   the outbox as written (immutable): the relay sends it without reading the order back, and removes
 *                 it with an update that matches only this revision
 */
public record OrderChanged(String orderId, boolean routingDue, boolean unpublished, long revision,
        List<OutboxMessage> outbox) {

    static OrderChanged of(Order order) {
        List<OutboxMessage> outbox = order.outbox();
        return new OrderChanged(order.id(), order.routingDue(), !outbox.isEmpty(), order.revision(), outbox);
    }
}
