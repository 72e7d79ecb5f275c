package io.omnihub.inventory.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * inventory's own projection of {@code catalog.products}: the selling price of each EAN, newest row wins.
 *
 * @param sequence {@link PriceReport#sequence()} of the row applied
 */
@Document("prices")
record ProductPrice(@Id String ean, String reference, BigDecimal discountedPrice, String sequence, Instant updatedAt) {
}
