package io.omnihub.order.messaging;

import io.omnihub.order.model.DueOrders;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderChanged;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.OutboxMessage;
import io.omnihub.order.system.OrderProperties;
import io.omnihub.platform.background.BackgroundLoop;
import io.omnihub.platform.kafka.EventPublisher;
import io.omnihub.platform.web.CorrelationId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the orders' outboxes to Kafka: right after a write left messages in one, and every
 * {@code work-interval} as a safety net (and at start), so what was stored before a crash is sent after the
 * restart. One thread sends an order's messages in their order and removes them from the outbox only once the
 * broker has acknowledged them (acks=all): a crash in between sends them again, with the same ids.
 * <p>
 * An order written by this process is sent from the outbox its writer announced (no read back). The acknowledged
 * outbox is removed later ({@code outbox-clear-delay}) by an update conditional on the revision written (no read,
 * no replace), the removals of a while in one bulk write ({@link OutboxClearing}); when the order is written again
 * before (the reservation answer comes within milliseconds of ReserveStock's acknowledgement), only the newer
 * revision's removal is written: one removal per order on its way to the store, not one per write. The newer
 * write holds the older messages again; the ids the broker already has are remembered
 * ({@link AcknowledgedMessages}) and not sent twice. A pass sends the messages of every order it has before
 * waiting for any acknowledgement, so the orders of one pass share the producer's batches and round trips.
 */
@Component
class OutboxRelay extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 200;
    /** Orders whose acknowledged message ids are remembered (a few minutes of orders at the rates measured). */
    private static final int ACKNOWLEDGED_ORDERS = 20_000;

    private final DueOrders due;
    private final Map<String, OrderChanged> written;

    @Autowired
    OutboxRelay(OrderRepository orders, EventPublisher publisher, OrderProperties properties, Clock clock) {
        this(orders, publisher, properties, clock, new DueOrders(properties.sweepInterval()),
                new ConcurrentHashMap<>(), new AcknowledgedMessages(ACKNOWLEDGED_ORDERS),
                new OutboxClearing(orders::outboxesSent, properties.outboxClearDelay()));
    }

    private OutboxRelay(OrderRepository orders, EventPublisher publisher, OrderProperties properties, Clock clock,
            DueOrders due, Map<String, OrderChanged> written, AcknowledgedMessages acknowledged,
            OutboxClearing clearing) {
        super("order-outbox-relay", properties.workInterval(), properties.relayAutoStartup(),
                () -> relay(orders, publisher, properties, clock, due, written, acknowledged, clearing));
        this.due = due;
        this.written = written;
    }

    @Override
    public synchronized void start() {
        due.sweepNext();
        super.start();
    }

    @Override
    public synchronized void stop() {
        super.stop();
        // as after a crash: what was announced is read back from MongoDB when the relay runs again
        written.clear();
    }

    @EventListener
    void on(OrderChanged changed) {
        if (changed.unpublished()) {
            // the newest write wins: its outbox holds whatever an older one still owed
            written.merge(changed.orderId(), changed, (held, newer) -> newer.revision() >= held.revision() ? newer
                    : held);
            due.announce(changed.orderId());
            wake();
        }
    }

    /** One order's outbox being sent: as of {@code revision}, its messages and their futures. */
    private record Sending(String orderId, long revision, List<OutboxMessage> messages,
            List<CompletableFuture<?>> futures) {
    }

    private static void relay(OrderRepository orders, EventPublisher publisher, OrderProperties properties,
            Clock clock, DueOrders due, Map<String, OrderChanged> written, AcknowledgedMessages acknowledged,
            OutboxClearing clearing) {
        boolean[] swept = {false};
        for (int round = 0; round < 100; round++) {
            List<String> pending = due.take(() -> {
                swept[0] = true;
                return orders.unpublished(BATCH);
            });
            List<Sending> sending = new ArrayList<>();
            for (String orderId : pending) {
                OrderChanged announced = written.remove(orderId);
                if (announced != null) {
                    clearing.superseded(orderId, announced.revision());
                    sending.add(send(orderId, announced.revision(), announced.outbox(), acknowledged, publisher));
                } else {
                    Order order = orders.find(orderId).orElse(null);
                    if (order != null && !order.outbox().isEmpty()) {
                        sending.add(send(orderId, order.revision(), order.outbox(), acknowledged, publisher));
                    }
                }
            }
            for (Sending order : sending) {
                List<String> sent = acknowledged(order, properties);
                if (sent.isEmpty()) {
                    continue;
                }
                acknowledged.add(order.orderId(), sent);
                if (sent.size() < order.messages().size()) {
                    // part of it (the broker failed the rest): remove what went out from the stored outbox
                    clearing.forget(order.orderId());
                    orders.change(order.orderId(), fresh -> fresh.sent(sent, clock.instant()));
                } else {
                    clearing.sent(order.orderId(), order.revision(), System.nanoTime());
                }
            }
            clearing.flushDue(System.nanoTime());
            if (!swept[0] || pending.size() < BATCH) {
                return;
            }
            // a full sweep batch: more may wait
            due.sweepNext();
            swept[0] = false;
        }
    }

    /**
     * Hands the messages to the producer in their order, each under the correlation id of the work that owed it;
     * those the broker has acknowledged before (a writer wrote them back before their removal) count as sent.
     */
    private static Sending send(String orderId, long revision, List<OutboxMessage> messages,
            AcknowledgedMessages acknowledged, EventPublisher publisher) {
        List<CompletableFuture<?>> futures = new ArrayList<>(messages.size());
        for (OutboxMessage message : messages) {
            if (acknowledged.contains(orderId, message.id())) {
                futures.add(CompletableFuture.completedFuture(null));
                continue;
            }
            // the id of the work that owed the message, not of whatever this thread did before
            try (var scope = CorrelationId.open(message.correlationId())) {
                futures.add(publisher.publish(message.topic(), message.key(), message.id(), message.event()));
            } catch (RuntimeException e) {
                futures.add(CompletableFuture.failedFuture(e));
            }
        }
        return new Sending(orderId, revision, messages, futures);
    }

    /** The ids the broker acknowledged, in order, stopping at the first failure. */
    private static List<String> acknowledged(Sending order, OrderProperties properties) {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < order.messages().size(); i++) {
            OutboxMessage message = order.messages().get(i);
            try {
                order.futures().get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(message.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                try (var scope = CorrelationId.open(message.correlationId())) {
                    log.warn("Message {} to {} not acknowledged; it stays in the outbox: {}", message.id(),
                            message.topic(), e.toString());
                }
                break;
            }
        }
        return acknowledged;
    }
}
