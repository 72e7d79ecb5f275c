package io.omnihub.order.availability;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.order.routing.StockLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Availability per (store, EAN), highest version wins: ONE upsert that matches only a lower version, so a
 * redelivered or older record changes nothing (its insert hits the unique id).
 */
@Component
public class AvailabilityProjection {

    private final MongoTemplate mongo;

    AvailabilityProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean apply(String storeId, String ean, long available, long version) {
        String id = storeId + ":" + ean;
        try {
            mongo.upsert(Query.query(where("_id").is(id).and("version").lt(version)),
                    new Update().set("storeId", storeId).set("ean", ean).set("available", available)
                            .set("version", version), StoreAvailability.class);
            return true;
        } catch (DuplicateKeyException asNewOrNewerStored) {
            return false;
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
