package io.omnihub.order.system;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Drops, at start-up, the indexes an earlier version created that no query uses any more: the unique
 * {@code revisionKey} of orders and {@code versionKey} of availability entries (writes were conditioned on them
 * while the embedded MongoDB served a query from an index only when it named exactly that index's fields; writes
 * now match {@code {_id, revision}} and {@code {_id, version}}, which every MongoDB serves from the {@code _id}
 * index). Each kept index would still cost every write of its collection a lookup, a duplicate check and the move
 * of its key. The fields themselves, left on documents written before, are not read and go with their next write.
 */
@Component
class RetiredIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RetiredIndexes.class);

    /** Collection → the single field of each index retired from it. */
    static final Map<String, Set<String>> RETIRED = Map.of("orders", Set.of("revisionKey"),
            "availability", Set.of("versionKey"));

    private final MongoTemplate mongo;

    RetiredIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        drop();
    }

    /** Drops those indexes where they exist; answers how many were dropped. */
    int drop() {
        int dropped = 0;
        for (Map.Entry<String, Set<String>> retired : RETIRED.entrySet()) {
            if (!mongo.collectionExists(retired.getKey())) {
                continue;
            }
            MongoCollection<Document> collection = mongo.getCollection(retired.getKey());
            List<Document> keys = new ArrayList<>();
            for (Document index : collection.listIndexes()) {
                Document key = index.get("key", Document.class);
                if (key != null && key.size() == 1 && retired.getValue().containsAll(key.keySet())) {
                    keys.add(key);
                }
            }
            for (Document key : keys) {
                // by its keys, not its name: the embedded MongoDB matches a name in every collection of the database
                collection.dropIndex(key);
                log.info("Dropped the retired index {} of {}", key.toJson(), retired.getKey());
                dropped++;
            }
        }
        return dropped;
    }
}
