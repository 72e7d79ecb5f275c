package io.omnihub.order.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores ({@code stores}) and how many fulfilments each was given today ({@code store_load}, one document per
 * store and UTC day, counted with an atomic {@code $inc}). This process's counts go to MongoDB together every
 * {@link #ROUTING_VIEW} ({@link StoreLoadWriter}: one bulk write of one {@code $inc} per store counted, where an
 * upsert per order was a tenth of order-service's MongoDB commands), and count for its own routing at once.
 */
@Component
public class Stores {

    /** How long routing uses the stores it read: a store changed through another replica counts after this. */
    static final Duration ROUTING_VIEW = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile RoutingView routingView;
    private final AtomicLong writes = new AtomicLong();
    private volatile LoadView loadView;
    /** Counts of this process not yet in MongoDB, by {@code storeId|day}. */
    private final Map<String, Long> unwritten = new ConcurrentHashMap<>();
    /** Held while {@link #unwritten} and the view change: never across a MongoDB call, so counting never waits. */
    private final Object load = new Object();
    /**
     * Held while counts are written to MongoDB and while they are read from it: a read never meets a write under way,
     * so what MongoDB answers plus {@link #unwritten} is every count once, neither missed nor seen twice.
     */
    private final Object loadIo = new Object();

    Stores(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    private record RoutingView(List<Store> stores, Map<String, Store> byId, long readAt) {

        RoutingView(List<Store> stores, long readAt) {
            this(stores, index(stores), readAt);
        }

        private static Map<String, Store> index(List<Store> stores) {
            Map<String, Store> byId = new HashMap<>();
            stores.forEach(store -> byId.put(store.storeId(), store));
            return byId;
        }
    }

    /**
     * Every store, as routing sees it: read at most once per {@link #ROUTING_VIEW} (reading and mapping every store
     * for every routing round was a tenth of order-service's CPU per order) and again at once after a write through
     * this process.
     */
    public List<Store> forRouting() {
        return routingView().stores();
    }

    /**
     * The store as routing sees it ({@link #forRouting()}: at most {@link #ROUTING_VIEW} old, fresh after a write
     * through this process), read by id only when that view lacks it: what a reservation answer needs of the store
     * without a MongoDB read per answer.
     */
    public Optional<Store> recent(String storeId) {
        Store store = routingView().byId().get(storeId);
        return store != null ? Optional.of(store) : find(storeId);
    }

    private RoutingView routingView() {
        RoutingView view = routingView;
        long now = System.nanoTime();
        if (view == null || now - view.readAt() >= ROUTING_VIEW.toNanos()) {
            long writesBefore = writes.get();
            view = new RoutingView(List.copyOf(all()), now);
            if (writes.get() == writesBefore) {
                // kept only when no write of this process may have come after the read
                routingView = view;
            }
        }
        return view;
    }

    public Optional<Store> find(String storeId) {
        return Optional.ofNullable(mongo.findById(storeId, Store.class));
    }

    public List<Store> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Store.class);
    }

    public long count() {
        return mongo.count(new Query(), Store.class);
    }

    public List<Store> page(int page, int size) {
        return mongo.find(new Query().with(Sort.by("_id")).skip((long) page * size).limit(size), Store.class);
    }

    Store save(Store store) {
        writes.incrementAndGet();
        Store saved = mongo.save(store);
        writes.incrementAndGet();
        routingView = null;
        return saved;
    }

    /**
     * Fulfilments given to each of these stores today, found by their ids ({@code storeId|day}). Read at most
     * once per {@link #ROUTING_VIEW} for routing (a query per order before), with what this process counted since
     * added as it counts it: exact for this process, at most that old for another replica's.
     */
    public Map<String, Long> loadToday(Collection<String> storeIds) {
        String day = today();
        long now = System.nanoTime();
        LoadView view = loadView;
        if (view != null && view.day().equals(day) && now - view.readAt() < ROUTING_VIEW.toNanos()
                && view.storeIds().containsAll(storeIds)) {
            return Collections.unmodifiableMap(view.counts());
        }
        List<String> ids = storeIds.stream().map(storeId -> storeId + "|" + day).toList();
        Map<String, Long> counts = new ConcurrentHashMap<>();
        synchronized (loadIo) {
            mongo.find(Query.query(where("_id").in(ids)), StoreLoad.class)
                    .forEach(entry -> counts.put(entry.storeId(), entry.count()));
            synchronized (load) {
                for (String storeId : storeIds) {
                    Long counted = unwritten.get(storeId + "|" + day);
                    if (counted != null) {
                        counts.merge(storeId, counted, Long::sum);
                    }
                }
                // each later count of this process is added to it
                loadView = new LoadView(day, Set.copyOf(storeIds), counts, now);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** Counts fulfilments just given to {@code storeId}: at once for routing here, in MongoDB with the next write. */
    public void loaded(String storeId, int fulfillments) {
        String day = today();
        synchronized (load) {
            unwritten.merge(storeId + "|" + day, (long) fulfillments, Long::sum);
            LoadView view = loadView;
            if (view != null && view.day().equals(day) && view.storeIds().contains(storeId)) {
                view.counts().merge(storeId, (long) fulfillments, Long::sum);
            }
        }
    }

    /**
     * Adds what this process counted since the last time to MongoDB: one bulk write, an upsert with {@code $inc}
     * per store and day counted (nothing is read back nor mapped). A failed write keeps the counts for the next.
     */
    void writeLoad() {
        synchronized (loadIo) {
            Map<String, Long> counts = new HashMap<>();
            synchronized (load) {
                for (String id : List.copyOf(unwritten.keySet())) {
                    Long counted = unwritten.remove(id);
                    if (counted != null) {
                        counts.put(id, counted);
                    }
                }
            }
            if (counts.isEmpty()) {
                return;
            }
            try {
                BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoreLoad.class);
                counts.forEach((id, counted) -> {
                    int bar = id.lastIndexOf('|');
                    bulk.upsert(Query.query(where("_id").is(id)), new Update().inc("count", counted)
                            .set("storeId", id.substring(0, bar)).set("day", id.substring(bar + 1)));
                });
                bulk.execute();
            } catch (RuntimeException e) {
                synchronized (load) {
                    counts.forEach((id, counted) -> unwritten.merge(id, counted, Long::sum));
                }
                throw e;
            }
        }
    }

    /** Today's counts as read at {@code readAt} for {@code storeIds}, plus what this process counted since. */
    private record LoadView(String day, Set<String> storeIds, Map<String, Long> counts, long readAt) {
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }
}
