package io.omnihub.inventory.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The availability outbox: one document per bulk write of the stock ({@code availability_outbox}: {@code _id},
 * {@code pairs}, {@code createdAt}), naming the pairs whose availability that write moves. It is written BEFORE
 * the bulk write and deleted once the availability of its pairs is on Kafka, so a crash anywhere in between
 * leaves it behind, and the relay then announces the pairs' availability as stored (read again by {@code _id}):
 * what the bulk write changed is announced, and nothing is announced for a write that never happened. Announcing
 * a pair's current availability twice is harmless (same version, same event id, compacted topic keyed by pair).
 *
 * <p>Why not a mark on every pair (the former unique sparse {@code pending} field): on the embedded MongoDB every
 * unique-index entry costs key comparisons that serialise the keys, and the mark took an index entry per pair
 * written plus its removal by the relay; this is one small document per batch of up to 500 pairs.
 */
@Component
public class AvailabilityOutbox {

    static final String COLLECTION = "availability_outbox";

    private final MongoTemplate mongo;
    private final Clock clock;

    AvailabilityOutbox(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** An outbox entry: the pairs (ids {@code storeId:ean}) whose availability a write moved, or may have. */
    public record Entry(String id, List<String> pairs, Instant createdAt) {
    }

    /** A new entry naming the pairs, not stored yet. */
    Entry entry(Collection<String> pairIds) {
        return new Entry(UUID.randomUUID().toString(), List.copyOf(pairIds), clock.instant());
    }

    /** Stores the entry: before the pairs it names are written. */
    void store(Entry entry) {
        mongo.insert(new Document("_id", entry.id()).append("pairs", entry.pairs()).append("createdAt",
                Date.from(entry.createdAt())), COLLECTION);
    }

    /** The availability of those entries' pairs is on Kafka: the entries go. */
    public void close(Collection<String> entryIds) {
        if (!entryIds.isEmpty()) {
            mongo.remove(Query.query(where("_id").in(entryIds)), COLLECTION);
        }
    }

    /**
     * The stored entries, oldest first: those left by a crash, by a relay that could not send, or by another
     * replica. (The collection holds only entries not yet relayed, so reading it all is cheap.)
     */
    public List<Entry> stored(int limit) {
        Query query = new Query().with(Sort.by("createdAt", "_id")).limit(limit);
        List<Entry> entries = new ArrayList<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            entries.add(new Entry(document.getString("_id"), document.getList("pairs", String.class, List.of()),
                    document.getDate("createdAt") == null ? null : document.getDate("createdAt").toInstant()));
        }
        return entries;
    }

    /**
     * The pairs' availability as stored now (pairs never stored are left out: their write did not happen), or
     * null when a read was torn (try again later: announcing it could pair a version with another's figures).
     */
    public List<PendingAvailability> current(Collection<String> pairIds) {
        if (pairIds.isEmpty()) {
            return List.of();
        }
        List<PendingAvailability> current = new ArrayList<>(pairIds.size());
        for (Document document : mongo.find(Query.query(where("_id").in(pairIds)), Document.class,
                StockStore.COLLECTION)) {
            StockLevel level = StockStore.level(mongo, document);
            if (!level.isWhole()) {
                return null;
            }
            current.add(PendingAvailability.of(level));
        }
        return current;
    }
}
