package io.omnihub.inventory.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A store's drift at one full snapshot: totals, then one page of its pairs, by EAN. */
record StoreDriftResponse(String storeId, String snapshotId, String importId, Instant asOf, Instant reportedAt,
        long pairs, long unitsShort, long unitsOver, long netUnits, BigDecimal value, long unpricedPairs,
        List<Item> items, int page, int size, long totalItems, long totalPages) {

    /** One pair: expected by omnihub, counted by the ERP, their difference and its value. */
    record Item(String ean, long expected, long reported, long difference, BigDecimal unitPrice, BigDecimal value) {
    }

    static StoreDriftResponse of(DriftReport report, List<DriftLine> lines, int page, int size, long total) {
        return new StoreDriftResponse(report.storeId(), report.snapshotId(), report.importId(), report.asOf(),
                report.reportedAt(), report.pairs(), report.unitsShort(), report.unitsOver(), report.netUnits(),
                report.value(), report.unpricedPairs(), lines.stream().map(line -> new Item(line.ean(),
                        line.expected(), line.reported(), line.difference(), line.unitPrice(), line.value())).toList(),
                page, size, total, (total + size - 1) / size);
    }
}
