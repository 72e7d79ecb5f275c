package io.omnihub.catalog.product;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import jakarta.annotation.PostConstruct;
import com.mongodb.client.model.WriteModel;
import io.omnihub.catalog.category.CategoryService;
import io.omnihub.catalog.category.CategoryTree;
import io.omnihub.catalog.photo.PhotoResponse;
import io.omnihub.catalog.photo.PhotoService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Applies product descriptions from the ERP, newest wins, and answers product queries. */
@Service
public class ProductService {

    private static final String COLLECTION = "products";
    static final String OLD_REVISION_INDEX = "revision";
    /** MongoDB's code for a duplicate key: here, an insert that lost to a concurrent one. */
    private static final int DUPLICATE_KEY = 11000;
    /** Conflicts mean another writer moved on; each round reads fresh state, so a few rounds always settle. */
    private static final int MAX_ROUNDS = 100;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

    private final MongoTemplate mongo;
    private final CategoryService categories;
    private final PhotoService photos;
    private final Clock clock;

    ProductService(MongoTemplate mongo, CategoryService categories, PhotoService photos, Clock clock) {
        this.mongo = mongo;
        this.categories = categories;
        this.photos = photos;
        this.clock = clock;
    }

    /**
     * Earlier versions conditioned replacements on a uniquely indexed {@code revision} field, for a MongoDB emulator
     * that served only queries naming exactly an index's fields. Documents written now lack that field, so on a
     * database written by such a version the index would refuse the second of them: it goes before any write.
     */
    @PostConstruct
    void dropRevisionIndex() {
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        if (indexes.getIndexInfo().stream().anyMatch(index -> index.getName().equals(OLD_REVISION_INDEX))) {
            // by its keys: the embedded MongoDB drops an index named so in every collection of the database
            mongo.getCollection(COLLECTION).dropIndex(new Document(OLD_REVISION_INDEX, 1));
        }
    }

    /**
     * Stores the product unless a description as new or newer is already stored; answers whether it did.
     * Redelivery and out-of-order arrival are harmless: the newest description always ends up stored.
     */
    public boolean apply(ProductUpdate update) {
        return applyAll(List.of(update)) == 1;
    }

    /**
     * Stores each product's newest description of the batch unless one as new or newer is already stored;
     * answers how many products it stored. One read of the stored versions ({@code _id $in}) and one bulk
     * write per round: new products are inserted, older ones replaced on condition that they still have the
     * version that was read. A write that lost to a concurrent writer is decided again on fresh state.
     */
    public int applyAll(Collection<ProductUpdate> updates) {
        Map<String, ProductUpdate> pending = ProductBatches.newestByReference(updates);
        Set<String> attempted = new HashSet<>();
        Map<String, String> categoryIds = new HashMap<>();
        int applied = 0;
        for (int round = 0; !pending.isEmpty(); round++) {
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("products " + pending.keySet() + " still contended after "
                        + MAX_ROUNDS + " rounds");
            }
            Map<String, Stored> stored = storedVersions(pending.keySet());
            Iterator<ProductUpdate> decided = pending.values().iterator();
            while (decided.hasNext()) {
                ProductUpdate update = decided.next();
                Stored current = stored.get(update.reference());
                String version = update.version().key();
                // stored as new or newer: ours, if an earlier round's write landed after all, or a newer one
                if (current != null && current.version().compareTo(version) >= 0) {
                    if (attempted.contains(update.reference()) && current.version().equals(version)) {
                        applied++;
                    }
                    decided.remove();
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            // stale descriptions never get here, so they never add their category to the tree
            ensureCategories(pending.values(), categoryIds);
            attempted.addAll(pending.keySet());
            if (write(pending.values(), stored, categoryIds)) {
                applied += pending.size();
                break;
            }
        }
        return applied;
    }

    private void ensureCategories(Collection<ProductUpdate> updates, Map<String, String> categoryIds) {
        for (ProductUpdate update : updates) {
            List<String> path = update.categoryPath();
            if (!path.isEmpty()) {
                categoryIds.computeIfAbsent(String.join("\u0000", path), key -> categories.ensurePath(path));
            }
        }
    }

    /**
     * One unordered bulk write of documents built directly ({@link ProductDocument}); answers whether every write
     * took effect (no conflict).
     */
    private boolean write(Collection<ProductUpdate> updates, Map<String, Stored> stored,
            Map<String, String> categoryIds) {
        Instant now = clock.instant();
        List<WriteModel<Document>> writes = new ArrayList<>(updates.size());
        int replacements = 0;
        for (ProductUpdate update : updates) {
            String categoryId = update.categoryPath().isEmpty() ? null
                    : categoryIds.get(String.join("\u0000", update.categoryPath()));
            Document product = ProductDocument.of(Product.of(update, categoryId, now));
            Stored current = stored.get(update.reference());
            if (current == null) {
                writes.add(new InsertOneModel<>(product));
            } else {
                writes.add(new ReplaceOneModel<>(current.unchanged().getQueryObject(), product));
                replacements++;
            }
        }
        try {
            BulkWriteResult result = mongo.getCollection(COLLECTION).bulkWrite(writes, UNORDERED);
            return result.getMatchedCount() == replacements;
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().map(BulkWriteError::getCode).allMatch(code -> code == DUPLICATE_KEY)) {
                return false;
            }
            throw e;
        }
    }

    Optional<ProductResponse> find(String reference) {
        return Optional.ofNullable(mongo.findById(reference, Product.class))
                .map(product -> ProductResponse.of(product, categories.snapshot(), photos.photosOf(reference)));
    }

    boolean exists(String reference) {
        return mongo.exists(Query.query(where("_id").is(reference)), COLLECTION);
    }

    ProductPage search(ProductFilter filter, int page, int size) {
        CategoryTree tree = categories.snapshot();
        Query query = Query.query(filter.toCriteria(tree));
        long total = mongo.count(query, Product.class);
        query.with(Sort.by("_id")).skip((long) page * size).limit(size);
        List<Product> found = mongo.find(query, Product.class);
        // the page's photos in one query, not one per product
        Map<String, List<PhotoResponse>> photosByReference = photos.photosOf(
                found.stream().map(Product::reference).toList());
        var items = found.stream().map(product -> ProductResponse.of(product, tree,
                photosByReference.getOrDefault(product.reference(), List.of()))).toList();
        return ProductPage.of(items, page, size, total);
    }

    /** The stored version of each product, in one query the {@code _id} index serves. */
    private Map<String, Stored> storedVersions(Collection<String> references) {
        Query query = Query.query(where("_id").in(references));
        query.fields().include("version");
        Map<String, Stored> stored = new LinkedHashMap<>();
        for (Document document : mongo.find(query, Document.class, COLLECTION)) {
            stored.put(document.getString("_id"), new Stored(document.getString("_id"), document.getString("version")));
        }
        return stored;
    }

    /** What a reader saw of a stored product: enough to replace it only if nobody changed it since. */
    private record Stored(String reference, String version) {

        /** Matches the document only while it still has the version that was read (served by the {@code _id} index). */
        Query unchanged() {
            return Query.query(where("_id").is(reference).and("version").is(version));
        }
    }
}
