package io.omnihub.order.catalog;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The catalog projection: newest-wins upserts by reference, lookups by EAN or reference. What intake found (by EAN
 * or reference) is kept for {@link #RECENT} (bounded): the same best-sellers come back order after order, and two
 * queries per order were a sixth of order-service's MongoDB commands. This process's own upserts make it read a
 * product again at once; another replica's count within {@link #RECENT}, as stores and profiles do.
 */
@Component
public class Catalog {

    /** How long a product found by EAN is used without asking MongoDB again. */
    static final Duration RECENT = Duration.ofSeconds(30);
    /** Products kept at most (forgotten all at once beyond: a cache, not a copy of the catalog). */
    static final int RECENT_PRODUCTS = 10_000;

    private record Recent(CatalogProduct product, long readAt) {
    }

    private final MongoTemplate mongo;
    private final Map<String, Recent> recentByEan = new ConcurrentHashMap<>();
    private final Map<String, Recent> recentByReference = new ConcurrentHashMap<>();

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
        long now = System.nanoTime();
        Map<String, Optional<CatalogProduct>> byEan = new HashMap<>();
        Map<String, CatalogProduct> byReference = new HashMap<>();
        List<String> unknownEans = new ArrayList<>();
        for (String ean : eans) {
            CatalogProduct product = recent(recentByEan.get(ean), now);
            if (product != null) {
                byEan.put(ean, Optional.of(product));
                byReference.put(product.reference(), product);
            } else {
                unknownEans.add(ean);
            }
        }
        List<String> unknownReferences = new ArrayList<>();
        for (String reference : references) {
            CatalogProduct product = recent(recentByReference.get(reference), now);
            if (product != null) {
                byReference.put(reference, product);
            } else {
                unknownReferences.add(reference);
            }
        }
        if (!unknownEans.isEmpty() || !unknownReferences.isEmpty()) {
            Products read = read(unknownEans, unknownReferences);
            read.byEan().forEach((ean, product) -> product.ifPresent(found -> remember(ean, found, now)));
            read.byReference().values().forEach(product -> remember(null, product, now));
            byEan.putAll(read.byEan());
            byReference.putAll(read.byReference());
            read.byEan().values().forEach(product -> product.ifPresent(found -> byReference.putIfAbsent(
                    found.reference(), found)));
        }
        return new Products(byEan, byReference);
    }

    private static CatalogProduct recent(Recent recent, long now) {
        return recent != null && now - recent.readAt() < RECENT.toNanos() ? recent.product() : null;
    }

    /** Keeps a product found under {@code ean} (null when found by reference only) and under its reference. */
    private void remember(String ean, CatalogProduct product, long now) {
        if (recentByReference.size() >= RECENT_PRODUCTS) {
            recentByEan.clear();
            recentByReference.clear();
        }
        Recent recent = new Recent(product, now);
        recentByReference.put(product.reference(), recent);
        if (ean != null) {
            recentByEan.put(ean, recent);
        }
    }

    private Products read(Collection<String> eans, Collection<String> references) {
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
        // the next order reads it again, by reference, under its EAN and under the one it had before
        Recent kept = recentByReference.remove(product.reference());
        if (kept != null && kept.product().ean() != null) {
            recentByEan.remove(kept.product().ean());
        }
        if (product.ean() != null) {
            recentByEan.remove(product.ean());
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
