package io.omnihub.order.availability;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import io.omnihub.order.routing.StockLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Availability per (store, EAN), highest version wins: an upsert that matches only a lower version, so a
 * redelivered or older record changes nothing (its insert hits the unique id).
 */
@Component
public class AvailabilityProjection {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;

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
     * Stores a batch of figures with ONE unordered bulk write: per (store, EAN) only the batch's highest version,
     * each an upsert that matches only a lower stored version (an older or repeated figure hits the unique id and
     * changes nothing).
     */
    public void applyAll(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, Entry> newest = new LinkedHashMap<>();
        for (Entry entry : entries) {
            newest.merge(entry.id(), entry, (held, next) -> next.version() > held.version() ? next : held);
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoreAvailability.class);
        newest.forEach((id, entry) -> bulk.upsert(Query.query(where("_id").is(id).and("version").lt(entry.version())),
                new Update().set("storeId", entry.storeId()).set("ean", entry.ean())
                        .set("available", entry.available()).set("version", entry.version())));
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            if (!e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
                throw e;
            }
        } catch (DuplicateKeyException asNewOrNewerStored) {
            // every write that failed found its figure as new or newer
        } catch (DataIntegrityViolationException e) {
            if (!(e.getCause() instanceof MongoBulkWriteException bulkError) || !bulkError.getWriteErrors().stream()
                    .map(BulkWriteError::getCode).allMatch(code -> code == DUPLICATE_KEY)) {
                throw e;
            }
        }
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
        List<String> ids = new ArrayList<>(storeIds.size() * eans.size());
        for (String storeId : storeIds) {
            for (String ean : eans) {
                ids.add(storeId + ":" + ean);
            }
        }
        Map<String, Long> available = new HashMap<>();
        mongo.find(Query.query(where("_id").in(ids)), StoreAvailability.class)
                .forEach(entry -> available.put(entry.id(), entry.available()));
        return (storeId, ean) -> available.getOrDefault(storeId + ":" + ean, 0L);
    }
}
