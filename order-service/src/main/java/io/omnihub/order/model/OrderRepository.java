package io.omnihub.order.model;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.contracts.orders.FulfillmentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Orders in MongoDB ({@code orders}), changed by optimistic concurrency: read, apply one transition of
 * {@link Order}, write it back with ONE replace that matches only the revision read (by its unique
 * {@code revisionKey}, so that no write scans the collection on a MongoDB that uses unique indexes only). A lost
 * race is retried on the fresh state. The state and its outbox are the same document, so they are written
 * together or not at all.
 */
@Component
public class OrderRepository {

    static final int ATTEMPTS = 16;

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final CorrelationSource correlation;

    OrderRepository(MongoTemplate mongo, ApplicationEventPublisher events, CorrelationSource correlation) {
        this.mongo = mongo;
        this.events = events;
        this.correlation = correlation;
    }

    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, Order.class));
    }

    public Optional<Order> findByFulfillment(String fulfillmentId) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("fulfillmentIds").is(fulfillmentId)), Order.class));
    }

    public Optional<Order> findByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("idempotencyKey").is(idempotencyKey)),
                Order.class));
    }

    public Optional<Order> findByChannelOrder(String siteId, String channelOrderId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(where("channelKey").is(Order.channelKey(siteId, channelOrderId))), Order.class));
    }

    /** Stores a new order; a {@link DuplicateKeyException} says it (or its key) exists already. */
    public Order insert(Order order) {
        order.markWritten();
        mongo.insert(order);
        events.publishEvent(OrderChanged.of(order));
        return order;
    }

    /**
     * Applies {@code transition} to the stored order and writes the result if it changed anything; answers the
     * transition's result. Exceptions of the transition (conflicts, invalid requests) leave the order as it was.
     */
    public <R> R change(String orderId, Function<Order, R> transition) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Order order = find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
            Query asRead = asRead(order);
            order.workingFor(correlation.current());
            R result = transition.apply(order);
            if (!order.changed()) {
                return result;
            }
            order.markWritten();
            if (mongo.replace(asRead, order).getMatchedCount() == 1) {
                events.publishEvent(OrderChanged.of(order));
                return result;
            }
        }
        throw new IllegalStateException("order " + orderId + " kept changing under " + ATTEMPTS + " attempts");
    }

    /**
     * As {@link #change(String, Function)}, starting from {@code read}, an order just read: one read less when
     * nothing changed it meanwhile, else the change starts over from the stored order. {@code read} is used up.
     */
    public <R> R change(Order read, Function<Order, R> transition) {
        Query asRead = asRead(read);
        read.workingFor(correlation.current());
        R result = transition.apply(read);
        if (!read.changed()) {
            return result;
        }
        read.markWritten();
        if (mongo.replace(asRead, read).getMatchedCount() == 1) {
            events.publishEvent(OrderChanged.of(read));
            return result;
        }
        return change(read.id(), transition);
    }

    /**
     * The relay sent the whole outbox of {@code revision} of the order and the broker acknowledged it: empties the
     * outbox with one small update that matches only that revision (no read, no replace of the whole document).
     * The revision stays: a writer that read it before still writes (no read and retry for it), with the sent
     * messages in its outbox again; the relay remembers which ids the broker has and does not send those twice.
     * Answers false when the order changed since (the newer write holds the messages; its relay pass clears them).
     *
     * @param revisionKey the stored {@link Order#revisionKey()} of that revision, null for an order last written
     *                    before the key existed
     */
    public boolean outboxSent(String orderId, long revision, String revisionKey) {
        Query asSent = revisionKey != null ? Query.query(where("revisionKey").is(revisionKey))
                : Query.query(where("_id").is(orderId).and("revision").is(revision));
        return mongo.updateFirst(asSent, new Update().set("outbox", List.of()).set("unpublished", false), Order.class)
                .getMatchedCount() == 1;
    }

    /**
     * The condition of a write that must find the order as it was read: its unique {@code revisionKey} (served
     * from that index by every MongoDB), or id and revision for an order written before the key existed.
     */
    private static Query asRead(Order read) {
        return read.revisionKey() != null ? Query.query(where("revisionKey").is(read.revisionKey()))
                : Query.query(where("_id").is(read.id()).and("revision").is(read.revision()));
    }

    /** Orders with messages not yet on Kafka, oldest change first. */
    public List<String> unpublished(int limit) {
        Query query = Query.query(where("unpublished").is(true)).with(Sort.by("updatedAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Order.class).stream().map(Order::id).toList();
    }

    /** Orders waiting for a routing round. */
    public List<String> routingDue(int limit) {
        Query query = Query.query(where("routingDue").is(true)).with(Sort.by("updatedAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Order.class).stream().map(Order::id).toList();
    }

    /** Orders with a fulfilment whose acceptance deadline has passed. */
    public List<String> deadlinePassed(Instant now, int limit) {
        Query query = Query.query(where("nextDeadline").lte(now)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Order.class).stream().map(Order::id).toList();
    }

    /** Orders with an assignment due for its store's ERP endpoint. */
    public List<String> erpPushDue(Instant now, int limit) {
        Query query = Query.query(where("nextErpPush").lte(now)).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Order.class).stream().map(Order::id).toList();
    }

    /** Orders with a fulfilment at {@code storeId}, oldest first (the stores' polling). */
    public List<Order> ofStore(String storeId, String siteId) {
        return ofStore(storeId, siteId, null);
    }

    /** Orders with a fulfilment at {@code storeId} in {@code status} (any when null), oldest first. */
    public List<Order> ofStore(String storeId, String siteId, FulfillmentStatus status) {
        Query query = Query.query(status == null ? where("storeIds").is(storeId)
                : where("fulfillments").elemMatch(where("storeId").is(storeId).and("status").is(status)));
        if (siteId != null) {
            query.addCriteria(where("siteId").is(siteId));
        }
        return mongo.find(query.with(Sort.by("receivedAt", "_id")), Order.class);
    }

    /** Direct access for read models built on orders (reports, documents). */
    public MongoTemplate mongo() {
        return mongo;
    }
}
