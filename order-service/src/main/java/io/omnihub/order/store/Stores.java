package io.omnihub.order.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stores ({@code stores}) and how many fulfilments each was given today ({@code store_load}, one document per
 * store and UTC day, counted with an atomic {@code $inc}).
 */
@Component
public class Stores {

    private final MongoTemplate mongo;
    private final Clock clock;

    Stores(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
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
        return mongo.save(store);
    }

    /** Fulfilments given to each store today. */
    public Map<String, Long> loadToday() {
        Map<String, Long> load = new HashMap<>();
        mongo.find(Query.query(where("day").is(today())), StoreLoad.class)
                .forEach(entry -> load.put(entry.storeId(), entry.count()));
        return load;
    }

    /** Counts fulfilments just given to {@code storeId}. */
    public void loaded(String storeId, int fulfillments) {
        String day = today();
        mongo.findAndModify(Query.query(where("_id").is(storeId + "|" + day)),
                new Update().inc("count", fulfillments).set("storeId", storeId).set("day", day),
                FindAndModifyOptions.options().upsert(true).returnNew(true), StoreLoad.class);
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }
}
