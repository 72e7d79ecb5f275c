package io.omnihub.order.availability;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import io.omnihub.order.routing.StockLookup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Availability per (store, EAN), highest version wins: a write conditional on the version read, so a redelivered
 * or older record changes nothing. Routing's look-ups use what this process read or wrote within {@link #RECENT}
 * (bounded): a query of some forty entries per order was the largest of order-service's MongoDB commands per order.
 * What this process's listener stores replaces what it kept at once (never by an older version); another replica's
 * figures (it reads other partitions) count within {@link #RECENT}, and a reservation inventory refuses covers a
 * figure that moved meanwhile, as it covers the topic's own lag.
 */
@Component
public class AvailabilityProjection {

    private static final int DUPLICATE_KEY = 11000;
    private static final int ATTEMPTS = 16;
    private static final String COLLECTION = "availability";
    /** How long routing uses a figure read from MongoDB before reading it again. */
    static final Duration RECENT = Duration.ofSeconds(10);
    /** Figures kept at most (forgotten all at once beyond: a cache, not a copy of the projection). */
    static final int RECENT_ENTRIES = 200_000;
    /** The version of a figure MongoDB does not have: any stored one replaces it. */
    private static final long ABSENT = -1;

    /** A figure as last read or written, {@code at} in {@link System#nanoTime()}'s terms. */
    private record Known(long available, long version, long at) {
    }

    private final MongoTemplate mongo;
    private final Map<String, Known> recent = new ConcurrentHashMap<>();

    AvailabilityProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One (store, EAN) figure as inventory announced it. */
    public record Entry(String storeId, String ean, long available, long version) {

        String id() {
            return storeId + ":" + ean;
        }
    }

    /**
     * Stores a batch of figures: per (store, EAN) only the batch's highest version, and only over a lower stored
     * one. The stored versions are read by id (one query), then ONE unordered bulk write: an insert for a new
     * entry, else an update that matches {@code {_id, version}} as read (served from the {@code _id} index). A
     * write that loses to another writer (an insert finding the id taken, an update finding another version) is
     * decided again from a fresh read.
     */
    public void applyAll(Collection<Entry> entries) {
        Map<String, Entry> pending = new LinkedHashMap<>();
        for (Entry entry : entries) {
            pending.merge(entry.id(), entry, (held, next) -> next.version() > held.version() ? next : held);
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, Stored> stored = stored(pending.keySet());
            pending.values().removeIf(entry -> stored.containsKey(entry.id())
                    && stored.get(entry.id()).version() >= entry.version());
            if (pending.isEmpty()) {
                return;
            }
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException("availability of " + pending.keySet() + " kept changing under "
                        + ATTEMPTS + " attempts");
            }
            if (write(pending.values(), stored)) {
                long now = System.nanoTime();
                pending.values().forEach(entry -> remember(entry.id(), entry.available(), entry.version(), now));
                return;
            }
        }
    }

    /**
     * What is stored of an entry: its version, and whether it still carries the {@code versionKey} an earlier
     * version wrote (its next update removes it).
     */
    private record Stored(long version, boolean versionKey) {
    }

    /** The entries stored under these ids, their version and key only (no mapping of whole entries). */
    private Map<String, Stored> stored(Collection<String> ids) {
        Query query = Query.query(where("_id").in(ids));
        query.fields().include("version").include("versionKey");
        Map<String, Stored> stored = new HashMap<>();
        mongo.find(query, Document.class, COLLECTION).forEach(entry -> stored.put(entry.getString("_id"),
                new Stored(((Number) entry.get("version")).longValue(), entry.containsKey("versionKey"))));
        return stored;
    }

    /** One bulk write of these figures over what was read; answers whether every one of them was written. */
    private boolean write(Collection<Entry> entries, Map<String, Stored> stored) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoreAvailability.class);
        int updates = 0;
        for (Entry entry : entries) {
            Stored before = stored.get(entry.id());
            if (before == null) {
                bulk.insert(new StoreAvailability(entry.id(), entry.storeId(), entry.ean(), entry.available(),
                        entry.version()));
                continue;
            }
            Update update = new Update().set("storeId", entry.storeId()).set("ean", entry.ean())
                    .set("available", entry.available()).set("version", entry.version());
            if (before.versionKey()) {
                update.unset("versionKey");
            }
            bulk.updateOne(Query.query(where("_id").is(entry.id()).and("version").is(before.version())), update);
            updates++;
        }
        try {
            return bulk.execute().getMatchedCount() == updates;
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        } catch (DuplicateKeyException takenMeanwhile) {
            // an insert found the entry written meanwhile: decided again from a fresh read
        } catch (DataIntegrityViolationException e) {
            if (!(e.getCause() instanceof MongoBulkWriteException bulkError) || !bulkError.getWriteErrors().stream()
                    .map(BulkWriteError::getCode).allMatch(code -> code == DUPLICATE_KEY)) {
                throw e;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return mongo.findOne(new Query().limit(1), StoreAvailability.class) == null;
    }

    /**
     * What these stores can promise of these EANs, for one routing round: the entries are found by their ids
     * ({@code storeId:ean}), the one index every MongoDB has (the embedded one keeps no secondary index, so a query
     * by EAN would read the whole projection for every order).
     */
    public StockLookup lookup(Collection<String> storeIds, Collection<String> eans) {
        long now = System.nanoTime();
        Map<String, Long> available = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String storeId : storeIds) {
            for (String ean : eans) {
                String id = storeId + ":" + ean;
                Known known = recent.get(id);
                if (known != null && now - known.at() < RECENT.toNanos()) {
                    available.put(id, known.available());
                } else {
                    unknown.add(id);
                }
            }
        }
        if (!unknown.isEmpty()) {
            Query query = Query.query(where("_id").in(unknown));
            query.fields().include("available").include("version");
            mongo.find(query, Document.class, COLLECTION).forEach(entry -> {
                long units = ((Number) entry.get("available")).longValue();
                available.put(entry.getString("_id"), units);
                remember(entry.getString("_id"), units, ((Number) entry.get("version")).longValue(), now);
            });
            unknown.stream().filter(id -> !available.containsKey(id)).forEach(id -> remember(id, 0, ABSENT, now));
        }
        return (storeId, ean) -> available.getOrDefault(storeId + ":" + ean, 0L);
    }

    /** Keeps a figure unless a newer version is kept (whose time then moves on: it is at least as new). */
    private void remember(String id, long available, long version, long at) {
        if (recent.size() >= RECENT_ENTRIES) {
            recent.clear();
        }
        recent.merge(id, new Known(available, version, at), (held, next) -> next.version() >= held.version() ? next
                : new Known(held.available(), held.version(), Math.max(held.at(), next.at())));
    }
}
