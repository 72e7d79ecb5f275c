package io.omnihub.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product as the ERP described it in one row of one import: the whole product, not a patch.
 *
 * @param categoryPath the category's names from the root, empty when the product has none
 * @param row          the 1-based row (or JSON item) of the import; with {@code receivedAt} it orders updates
 * @param receivedAt   when omnihub received the import's input
 */
public record ProductUpdate(String reference, String ean, String name, String description, String brand,
        List<String> categoryPath, String color, String size, BigDecimal price, BigDecimal discountedPrice,
        List<String> photoUrls, boolean active, Map<String, String> attributes, String importId, long row,
        Instant receivedAt) {

    public ProductUpdate {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("a product update needs a reference");
        }
        if (receivedAt == null) {
            throw new IllegalArgumentException("a product update needs the time its input was received");
        }
        if (row < 0) {
            throw new IllegalArgumentException("row must not be negative: " + row);
        }
        categoryPath = categoryPath == null ? List.of() : List.copyOf(categoryPath);
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
        // kept in the order given: the order of the file's columns when the producer keeps it
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    ProductVersion version() {
        return new ProductVersion(receivedAt, row);
    }
}
