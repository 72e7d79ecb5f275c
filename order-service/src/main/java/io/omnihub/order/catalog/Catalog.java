package io.omnihub.order.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The catalog projection: newest-wins upserts by reference, lookups by EAN or reference. */
@Component
public class Catalog {

    private final MongoTemplate mongo;

    Catalog(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<CatalogProduct> byReference(String reference) {
        return Optional.ofNullable(mongo.findById(reference, CatalogProduct.class));
    }

    /**
     * The products of these EANs and references, for one order: two queries by id ({@code product_eans}, then
     * {@code products}) whatever the number of lines, where a look-up per line was two queries per line. An EAN
     * the index does not know, or whose product has moved to another EAN, is looked up as {@link #byEan} does.
     */
    public Products forOrder(Collection<String> eans, Collection<String> references) {
        Map<String, String> referenceOfEan = new HashMap<>();
        if (!eans.isEmpty()) {
            mongo.find(Query.query(where("_id").in(eans)), ProductByEan.class)
                    .forEach(index -> referenceOfEan.put(index.ean(), index.reference()));
        }
        Set<String> wanted = new HashSet<>(references);
        wanted.addAll(referenceOfEan.values());
        Map<String, CatalogProduct> byReference = new HashMap<>();
        if (!wanted.isEmpty()) {
            mongo.find(Query.query(where("_id").in(wanted)), CatalogProduct.class)
                    .forEach(product -> byReference.put(product.reference(), product));
        }
        Map<String, Optional<CatalogProduct>> byEan = new HashMap<>();
        for (String ean : eans) {
            CatalogProduct product = byReference.get(referenceOfEan.get(ean));
            byEan.put(ean, product != null && ean.equals(product.ean()) ? Optional.of(product)
                    // stored before the EAN index existed, or its product moved to another EAN since
                    : Optional.ofNullable(mongo.findOne(Query.query(where("ean").is(ean)), CatalogProduct.class)));
        }
        return new Products(byEan, byReference);
    }

    /** What {@link #forOrder} found: by EAN and by reference (absent when the catalog does not know it). */
    public record Products(Map<String, Optional<CatalogProduct>> byEan, Map<String, CatalogProduct> byReference) {

        public Optional<CatalogProduct> ofEan(String ean) {
            return byEan.getOrDefault(ean, Optional.empty());
        }

        public Optional<CatalogProduct> ofReference(String reference) {
            return Optional.ofNullable(byReference.get(reference));
        }
    }

    public Optional<CatalogProduct> byEan(String ean) {
        ProductByEan index = mongo.findById(ean, ProductByEan.class);
        if (index != null) {
            CatalogProduct product = mongo.findById(index.reference(), CatalogProduct.class);
            if (product != null && ean.equals(product.ean())) {
                return Optional.of(product);
            }
        }
        // stored before the EAN index existed, or its product moved to another EAN since
        return Optional.ofNullable(mongo.findOne(Query.query(where("ean").is(ean)), CatalogProduct.class));
    }

    /**
     * Stores the product unless a newer update is stored: ONE upsert matching the reference with an older
     * sequence; when a newer one is there, the upsert's insert hits the unique id and nothing changes.
     */
    public boolean upsert(CatalogProduct product) {
        Query olderOrAbsent = Query.query(where("_id").is(product.reference()).and("sequence").lt(product.sequence()));
        Update update = new Update().set("ean", product.ean()).set("name", product.name())
                .set("brand", product.brand()).set("category", product.category()).set("price", product.price())
                .set("discountedPrice", product.discountedPrice()).set("active", product.active())
                .set("sequence", product.sequence());
        try {
            mongo.upsert(olderOrAbsent, update, CatalogProduct.class);
        } catch (DuplicateKeyException newerStored) {
            return false;
        }
        if (product.ean() != null) {
            try {
                mongo.upsert(Query.query(where("_id").is(product.ean()).and("sequence").lt(product.sequence())),
                        new Update().set("reference", product.reference()).set("sequence", product.sequence()),
                        ProductByEan.class);
            } catch (DuplicateKeyException newerStored) {
                // a newer update gave this EAN to a product already
            }
        }
        return true;
    }

    /** A sortable key of (receipt time, row). */
    public static String sequence(Instant receivedAt, long row) {
        return String.format("%020d%09d%012d", receivedAt.getEpochSecond(), receivedAt.getNano(), row);
    }
}
