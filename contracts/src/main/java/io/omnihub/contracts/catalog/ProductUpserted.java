package io.omnihub.contracts.catalog;

import io.omnihub.contracts.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product (or variant) as the ERP described it in one row of one import: creation, attribute and price
 * updates all travel as this event. Keyed by {@link #reference()} on {@code catalog.products}.
 *
 * <p>Ordering: a later update never loses to an earlier one. Events are ordered by the time omnihub
 * received their input ({@link #receivedAt()}), then by {@link #row()} within it; a consumer ignores an
 * event older than what it already applied.
 *
 * @param reference       the ERP's product reference (SKU): the product's identity
 * @param ean             GTIN-8/12/13/14 with a valid check digit
 * @param category        a category path ({@code Roupas > Camisetas}) or null
 * @param price           list price, positive, two decimals at most
 * @param discountedPrice the selling price, positive and at most {@code price}: the base of channel discounts
 * @param photoUrls       HTTP(S) URLs as the ERP gave them, in order (stored, never fetched)
 * @param active          whether channels may sell it; true when the ERP did not say
 * @param attributes      the file's columns that are not standard fields, by their header as written
 * @param importId        the import job the row came from
 * @param row             the 1-based row (or JSON item) in that import
 * @param receivedAt      when omnihub received the import's input
 */
@EventType("io.omnihub.catalog.product-upserted")
public record ProductUpserted(String reference, String ean, String name, String description, String brand,
        String category, String color, String size, BigDecimal price, BigDecimal discountedPrice,
        List<String> photoUrls, boolean active, Map<String, String> attributes, String importId, long row,
        Instant receivedAt) {

    public ProductUpserted {
        photoUrls = photoUrls == null ? List.of() : List.copyOf(photoUrls);
        // the file's column order is kept: it is how the ERP presents its attributes
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}
