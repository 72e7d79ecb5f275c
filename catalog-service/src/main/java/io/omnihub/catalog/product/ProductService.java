package io.omnihub.catalog.product;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.catalog.category.CategoryService;
import io.omnihub.catalog.category.CategoryTree;
import io.omnihub.catalog.photo.PhotoResponse;
import io.omnihub.catalog.photo.PhotoService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.ReplaceOptions;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Applies product descriptions from the ERP, newest wins, and answers product queries. */
@Service
public class ProductService {

    private static final String COLLECTION = "products";

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
     * Stores the product unless a description as new or newer is already stored; answers whether it did.
     * Redelivery and out-of-order arrival are harmless: the newest description always ends up stored.
     */
    public boolean apply(ProductUpdate update) {
        ProductVersion version = update.version();
        // a cheap look first, so that a stale description does not add its category to the tree
        if (storedVersion(update.reference()).filter(stored -> stored.compareTo(version.key()) >= 0).isPresent()) {
            return false;
        }
        String categoryId = update.categoryPath().isEmpty() ? null : categories.ensurePath(update.categoryPath());
        Product product = Product.of(update, categoryId, clock.instant());
        // one atomic write decides: the filter only matches an older version; when none matches, the upsert
        // inserts, which the unique _id refuses if a document exists, i.e. one with this version or a newer one
        Query olderOrAbsent = Query.query(where("_id").is(update.reference()).and("version").lt(version.key()));
        try {
            mongo.replace(olderOrAbsent, product, ReplaceOptions.replaceOptions().upsert(), COLLECTION);
            return true;
        } catch (DuplicateKeyException newerStored) {
            return false;
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

    private Optional<String> storedVersion(String reference) {
        Query query = Query.query(where("_id").is(reference));
        query.fields().include("version");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(document -> document.getString("version"));
    }
}
