package io.omnihub.order.model;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.contracts.orders.FulfillmentStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Orders in MongoDB ({@code orders}), changed by optimistic concurrency: read, apply one transition of
 * {@link Order}, write it back with ONE replace that matches only the revision read ({@code {_id, revision}}: served
 * from the {@code _id} index by MongoDB and, since it serves any query naming the {@code _id}, by the embedded one).
 * A lost race is retried on the fresh state. The state and its outbox are the same document, so they are written
 * together or not at all.
 */
@Component
public class OrderRepository {

    static final int ATTEMPTS = 16;
    /** Orders whose last written document is kept for {@link #findRecent} (a few seconds of orders). */
    static final int RECENT_ORDERS = 2_000;

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final CorrelationSource correlation;

    /** The document this process last wrote of each recent order: {@link #findRecent} maps it back, no query. */
    private final Map<String, Document> recent;

    OrderRepository(MongoTemplate mongo, ApplicationEventPublisher events, CorrelationSource correlation) {
        this.mongo = mongo;
        this.events = events;
        this.correlation = correlation;
        this.recent = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Document> eldest) {
                return size() > RECENT_ORDERS;
            }
        });
    }

    public Optional<Order> find(String orderId) {
        return Optional.ofNullable(mongo.findById(orderId, Order.class));
    }

    /**
     * The order as this process last wrote it when it did so recently (no query: the document written is mapped
     * back), else as stored. Only for a {@link #change(Order, Function)}: its write matches the revision read, so
     * when another writer (another replica) has changed the order since, the change starts over from the stored
     * order. The one write to orders that keeps the revision, the relay's removal of a sent outbox, is harmless
     * to write over: the messages it removed are on Kafka and the relay knows not to send them again.
     */
    public Optional<Order> findRecent(String orderId) {
        Document written = recent.get(orderId);
        return written != null ? Optional.of(mongo.getConverter().read(Order.class, written)) : find(orderId);
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
        Document written = document(order);
        mongo.insert(written, Order.COLLECTION);
        recent.put(order.id(), written);
        events.publishEvent(OrderChanged.of(order));
        return order;
    }

    /** The order as MongoDB stores it (what {@code insert(order)} would write), kept for {@link #findRecent}. */
    private Document document(Order order) {
        Document document = new Document();
        mongo.getConverter().write(order, document);
        return document;
    }

    /** Replaces the order found by {@code asRead}; true when it was there. */
    private boolean replace(Query asRead, Order order) {
        Document written = document(order);
        if (mongo.replace(asRead, written, ReplaceOptions.none(), Order.COLLECTION).getMatchedCount() == 1) {
            recent.put(order.id(), written);
            return true;
        }
        return false;
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
            if (replace(asRead, order)) {
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
        if (replace(asRead, read)) {
            events.publishEvent(OrderChanged.of(read));
            return result;
        }
        return change(read.id(), transition);
    }

    /** The acknowledged outbox of one revision of an order. */
    public record SentOutbox(String orderId, long revision) {
    }

    /**
     * The relay sent the whole outbox of these revisions and the broker acknowledged it: empties each with one small
     * update matching only that revision (no read, no replace of the whole document), all in ONE unordered bulk
     * write (one round trip and one command for a while's removals). The revision stays: a writer that read it
     * before still writes (no read and retry for it), with the sent messages in its outbox again; the relay
     * remembers which ids the broker has and does not send those twice. An order that changed since keeps its
     * outbox: the newer write holds the messages and its removal clears them. Answers how many were emptied.
     */
    public int outboxesSent(List<SentOutbox> sent) {
        if (sent.isEmpty()) {
            return 0;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Order.class);
        Update emptied = new Update().set("outbox", List.of()).set("unpublished", false);
        for (SentOutbox outbox : sent) {
            bulk.updateOne(asRead(outbox.orderId(), outbox.revision()), emptied);
        }
        return bulk.execute().getMatchedCount();
    }

    private static Query asRead(Order read) {
        return asRead(read.id(), read.revision());
    }

    /**
     * The condition of a write that must find the order as it was read: its id and that revision. Orders written
     * by the version before carry a {@code revisionKey} (the condition then): it is not read, the next replace
     * drops it, and its unique index is dropped at start-up ({@code system.RetiredIndexes}).
     */
    private static Query asRead(String orderId, long revision) {
        return Query.query(where("_id").is(orderId).and("revision").is(revision));
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
        // the store's orders by the storeIds index, then those with a fulfilment there in that status
        Query query = Query.query(where("storeIds").is(storeId));
        if (status != null) {
            query.addCriteria(where("fulfillments").elemMatch(where("storeId").is(storeId).and("status").is(status)));
        }
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
