package io.omnihub.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product as the newest description applied so far. {@code version} is that description's
 * {@link ProductVersion#key()}: a document is only ever replaced by a description with a greater one.
 * Every listed query is sorted by reference (the id), hence the compound indexes ending in {@code _id}.
 */
@Document("products")
@CompoundIndex(name = "category_reference", def = "{'categoryId': 1, '_id': 1}")
@CompoundIndex(name = "brand_reference", def = "{'search.brand': 1, '_id': 1}")
@CompoundIndex(name = "active_reference", def = "{'active': 1, '_id': 1}")
record Product(@Id String reference, @Indexed String ean, String name, String description, String brand,
        String categoryId, List<String> categoryPath, String color, String size, BigDecimal price,
        BigDecimal discountedPrice, List<String> photoUrls, boolean active, List<Attribute> attributes,
        Instant updatedAt, Source source, String version, Search search) {

    static Product of(ProductUpdate update, String categoryId, Instant now) {
        List<Attribute> attributes = update.attributes().entrySet().stream()
                .map(entry -> new Attribute(entry.getKey(), entry.getValue())).toList();
        return new Product(update.reference(), update.ean(), update.name(), update.description(), update.brand(),
                categoryId, update.categoryPath(), update.color(), update.size(), update.price(),
                update.discountedPrice(), update.photoUrls(), update.active(), attributes, now,
                new Source(update.importId(), update.row(), update.receivedAt()), update.version().key(),
                Search.of(update));
    }

    /**
     * One custom column. Stored as a list of pairs rather than a map: header names may hold {@code .} or
     * {@code $}, which MongoDB field names must not.
     */
    record Attribute(String name, String value) {
    }

    /** The import row this description came from. */
    record Source(String importId, long row, Instant receivedAt) {
    }

    /** The fields text and brand filters compare, kept normalized ({@link SearchText}) at write time. */
    record Search(String name, @Indexed String reference, String brand) {

        static Search of(ProductUpdate update) {
            return new Search(SearchText.normalize(update.name()), SearchText.normalize(update.reference()),
                    SearchText.normalize(update.brand()));
        }
    }

    Map<String, String> attributeMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (attributes != null) {
            attributes.forEach(attribute -> map.put(attribute.name(), attribute.value()));
        }
        return map;
    }
}
