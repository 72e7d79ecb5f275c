package io.omnihub.inventory.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The drift of one store at one full snapshot, in totals; its pairs are {@link DriftLine}s.
 *
 * @param id            {@code snapshotId:storeId}
 * @param pairs         pairs whose ERP figure differed from omnihub's
 * @param unitsShort    units the ERP counted fewer than omnihub expected (missing from the shelf)
 * @param unitsOver     units the ERP counted more than omnihub expected
 * @param value         the net difference at selling prices (negative: stock lost)
 * @param unpricedPairs pairs left out of {@code value}: the catalog has no price for their EAN
 */
@Document("drift_reports")
record DriftReport(@Id String id, @Indexed String snapshotId, String importId, @Indexed String storeId, Instant asOf,
        Instant reportedAt, long pairs, long unitsShort, long unitsOver, BigDecimal value, long unpricedPairs) {

    static String id(String snapshotId, String storeId) {
        return snapshotId + ":" + storeId;
    }

    long netUnits() {
        return unitsOver - unitsShort;
    }
}
