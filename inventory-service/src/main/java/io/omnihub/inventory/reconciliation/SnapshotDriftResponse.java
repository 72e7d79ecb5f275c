package io.omnihub.inventory.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A full snapshot's drift, one total per store (only the stores the caller covers). */
record SnapshotDriftResponse(String snapshotId, Instant asOf, List<Store> stores) {

    /** One store's totals. */
    record Store(String storeId, long pairs, long unitsShort, long unitsOver, long netUnits, BigDecimal value,
            long unpricedPairs, Instant reportedAt) {

        static Store of(DriftReport report) {
            return new Store(report.storeId(), report.pairs(), report.unitsShort(), report.unitsOver(),
                    report.netUnits(), report.value(), report.unpricedPairs(), report.reportedAt());
        }
    }
}
