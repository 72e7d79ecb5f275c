package io.omnihub.order.messaging;

import io.omnihub.order.model.DueOrders;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderChanged;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.OutboxMessage;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.order.system.OrderProperties;
import io.omnihub.platform.kafka.EventPublisher;
import io.omnihub.platform.web.CorrelationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sends the orders' outboxes to Kafka: right after a write left messages in one, and every
 * {@code work-interval} as a safety net (and at start), so what was stored before a crash is sent after the
 * restart. One thread sends an order's messages in their order and removes them from the outbox only once the
 * broker has acknowledged them (acks=all): a crash in between sends them again, with the same ids.
 */
@Component
class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;

    private final DueOrders due;

    @Autowired
    OutboxRelay(OrderRepository orders, EventPublisher publisher, OrderProperties properties, Clock clock) {
        this(orders, publisher, properties, clock, new DueOrders(properties.sweepInterval()));
    }

    private OutboxRelay(OrderRepository orders, EventPublisher publisher, OrderProperties properties, Clock clock,
            DueOrders due) {
        super("order-outbox-relay", properties.workInterval(), properties.relayAutoStartup(),
                () -> relay(orders, publisher, properties, clock, due));
        this.due = due;
    }

    @Override
    public synchronized void start() {
        due.sweepNext();
        super.start();
    }

    @EventListener
    void on(OrderChanged changed) {
        if (changed.unpublished()) {
            due.announce(changed.orderId());
            wake();
        }
    }

    private static void relay(OrderRepository orders, EventPublisher publisher, OrderProperties properties,
            Clock clock, DueOrders due) {
        boolean[] swept = {false};
        for (int round = 0; round < 100; round++) {
            List<String> pending = due.take(() -> {
                swept[0] = true;
                return orders.unpublished(BATCH);
            });
            for (String orderId : pending) {
                Order order = orders.find(orderId).orElse(null);
                if (order == null || order.outbox().isEmpty()) {
                    continue;
                }
                List<String> sent = send(order.outbox(), publisher, properties);
                if (!sent.isEmpty()) {
                    // from the order just read: one read less unless it changed meanwhile
                    orders.change(order, fresh -> fresh.sent(sent, clock.instant()));
                }
            }
            if (!swept[0] || pending.size() < BATCH) {
                return;
            }
            // a full sweep batch: more may wait
            due.sweepNext();
            swept[0] = false;
        }
    }

    /** Sends the messages in order and answers the ids acknowledged, stopping at the first failure. */
    private static List<String> send(List<OutboxMessage> messages, EventPublisher publisher,
            OrderProperties properties) {
        List<CompletableFuture<?>> futures = new ArrayList<>();
        for (OutboxMessage message : messages) {
            // the id of the work that owed the message, not of whatever this thread did before
            try (var scope = CorrelationId.open(message.correlationId())) {
                futures.add(publisher.publish(message.topic(), message.key(), message.id(), message.event()));
            }
        }
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                futures.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(messages.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                try (var scope = CorrelationId.open(messages.get(i).correlationId())) {
                    log.warn("Message {} to {} not acknowledged; it stays in the outbox: {}", messages.get(i).id(),
                            messages.get(i).topic(), e.toString());
                }
                break;
            }
        }
        return acknowledged;
    }
}
