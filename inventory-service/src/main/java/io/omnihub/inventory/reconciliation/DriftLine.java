package io.omnihub.inventory.reconciliation;

import java.math.BigDecimal;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One pair of a drift report: omnihub expected {@code expected} units, the ERP counted {@code reported}.
 *
 * @param unitPrice the EAN's selling price when the report was made; null when the catalog has none
 * @param value     {@code difference × unitPrice}; null without a price
 */
@Document("drift_lines")
record DriftLine(@Id String id, @Indexed String reportId, String ean, long expected, long reported, long difference,
        BigDecimal unitPrice, BigDecimal value) {
}
