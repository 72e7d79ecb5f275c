package io.omnihub.order.catalog;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A product as orders need it. {@code sequence} orders the updates (receipt time, then row) so a late, older
 * update never overwrites a newer one.
 */
@Document("products")
public record CatalogProduct(@Id String reference, @Indexed String ean, String name, String brand, String category,
        BigDecimal price, BigDecimal discountedPrice, boolean active, String sequence) {
}
