package io.omnihub.inventory.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The availability outbox kept on the stock documents: those whose {@code version} is ahead of their
 * {@code publishedVersion}. Whoever relays them to Kafka marks each one published afterwards, so a crash in
 * between only means the same version is sent again (consumers keep the highest version).
 */
@Component
public class StockOutbox {

    private final MongoTemplate mongo;

    StockOutbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The oldest changes first, so that a pair's records reach Kafka in the order they were stored. */
    public List<PendingAvailability> pending(int limit) {
        Query query = Query.query(where("unpublished").is(true)).with(Sort.by("updatedAt", "_id")).limit(limit);
        // a torn read is left for the next pass: announcing it could send a version with an older one's figures
        return mongo.find(query, StockLevel.class).stream().filter(StockLevel::isWhole).map(PendingAvailability::of)
                .toList();
    }

    /**
     * Records that {@code sent} is on Kafka; answers false when the pair has changed since it was read (it stays
     * pending, and its newer version is relayed next). The write moves {@code revision}, so a writer that read
     * the pair before it retries on this state instead of putting the old outbox fields back.
     */
    public boolean markPublished(PendingAvailability sent) {
        String id = StockLevel.id(sent.storeId(), sent.ean());
        var published = mongo.updateFirst(Query.query(where("_id").is(id).and("version").is(sent.version())),
                new Update().set("publishedVersion", sent.version()).set("unpublished", false).inc("revision", 1),
                StockLevel.class);
        if (published.getMatchedCount() == 1) {
            return true;
        }
        // another relay (another replica) may have marked the newer version published before this older one
        // reached Kafka: pending again, the newest version is sent once more and ends up last on the topic
        Query newerMarkedPublished = Query.query(where("_id").is(id).and("version").gt(sent.version())
                .and("unpublished").is(false));
        mongo.updateFirst(newerMarkedPublished, new Update().set("unpublished", true).inc("revision", 1),
                StockLevel.class);
        return false;
    }
}
