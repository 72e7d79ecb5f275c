package io.omnihub.inventory.reconciliation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The selling price of each EAN, from the catalog's product events: what a unit of drift is worth. */
@Component
public class PriceBook {

    private final MongoTemplate mongo;
    private final Clock clock;

    PriceBook(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Keeps the price unless a newer row's is kept already; answers whether it was stored. One conditional
     * upsert: an older row matches no document and its insert is refused by the unique {@code _id}.
     */
    public boolean record(PriceReport price) {
        Query olderOrNone = Query.query(where("_id").is(price.ean()).and("sequence").lt(price.sequence()));
        Update update = new Update().set("reference", price.reference()).set("discountedPrice", price.discountedPrice())
                .set("sequence", price.sequence()).set("updatedAt", clock.instant());
        try {
            mongo.upsert(olderOrNone, update, ProductPrice.class);
            return true;
        } catch (DuplicateKeyException asNewOrNewerKept) {
            return false;
        }
    }

    /** The known prices of these EANs; an EAN the catalog never priced is missing. */
    Map<String, BigDecimal> discountedPrices(Collection<String> eans) {
        return mongo.find(Query.query(where("_id").in(eans)), ProductPrice.class).stream()
                .collect(Collectors.toMap(ProductPrice::ean, ProductPrice::discountedPrice));
    }
}
