package io.omnihub.inventory.stock;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stock documents changed by optimistic concurrency: read, compute the next state in {@link StockLevel}, write
 * it with ONE conditional write that matches only the revision read (an insert for a new pair, which the
 * unique {@code _id} refuses if another writer was first). A lost race is retried on the fresh state. No lock,
 * no transaction: MongoDB guarantees single-document atomicity, which is all this needs.
 */
@Component
class StockStore {

    static final int ATTEMPTS = 16;

    private final MongoTemplate mongo;

    StockStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<StockLevel> find(String id) {
        return Optional.ofNullable(mongo.findById(id, StockLevel.class));
    }

    /**
     * Applies {@code change} to the pair's stored state (or to {@link StockLevel#absent} when none is stored)
     * and writes the result; answers it, or empty when the change had nothing to change.
     */
    Optional<StockLevel> change(String storeId, String ean, Function<StockLevel, Optional<StockLevel>> change) {
        String id = StockLevel.id(storeId, ean);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            StockLevel current = find(id).orElseGet(() -> StockLevel.absent(storeId, ean));
            if (!current.isWhole()) {
                // a torn read: computing on it would write back fields of an older state; read again
                continue;
            }
            Optional<StockLevel> next = change.apply(current);
            if (next.isEmpty()) {
                return next;
            }
            StockLevel written = next.get().withRevision(current.revision() + 1);
            if (write(current, written)) {
                return Optional.of(written);
            }
        }
        throw new StockConflictException(id, ATTEMPTS);
    }

    private boolean write(StockLevel current, StockLevel next) {
        if (!current.isStored()) {
            try {
                mongo.insert(next);
                return true;
            } catch (DuplicateKeyException anotherWriterWasFirst) {
                return false;
            }
        }
        // the digest too: a document read with a newer revision than its fields must not match
        Query unchangedSinceRead = Query.query(where("_id").is(current.id()).and("revision").is(current.revision())
                .and("digest").is(current.digest()));
        return mongo.replace(unchangedSinceRead, next).getMatchedCount() == 1;
    }
}
