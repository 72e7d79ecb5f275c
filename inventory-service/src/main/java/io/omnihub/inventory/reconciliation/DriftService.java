package io.omnihub.inventory.reconciliation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.omnihub.inventory.stock.PairDrift;
import io.omnihub.inventory.stock.SnapshotApplied;
import io.omnihub.inventory.stock.StockService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Drift reports: made when a full snapshot has been applied, one per store it is the complete stock of, from what
 * each pair recorded when the snapshot set it (see the stock's ledger). Written by id, so a snapshot applied again
 * after a crash writes the same report again.
 */
@Service
class DriftService {

    private static final Logger log = LoggerFactory.getLogger(DriftService.class);

    private final StockService stock;
    private final PriceBook prices;
    private final MongoTemplate mongo;
    private final Clock clock;

    DriftService(StockService stock, PriceBook prices, MongoTemplate mongo, Clock clock) {
        this.stock = stock;
        this.prices = prices;
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventListener
    void report(SnapshotApplied snapshot) {
        for (String storeId : snapshot.storeIds()) {
            List<PairDrift> pairs = stock.driftOf(snapshot.snapshotId(), storeId);
            Map<String, BigDecimal> priced = prices.discountedPrices(pairs.stream().map(PairDrift::ean).toList());
            String reportId = DriftReport.id(snapshot.snapshotId(), storeId);
            long unitsShort = 0;
            long unitsOver = 0;
            long unpriced = 0;
            BigDecimal value = BigDecimal.ZERO;
            for (PairDrift pair : pairs) {
                BigDecimal unitPrice = priced.get(pair.ean());
                BigDecimal lineValue = unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(pair.difference()));
                if (lineValue == null) {
                    unpriced++;
                } else {
                    value = value.add(lineValue);
                }
                if (pair.difference() < 0) {
                    unitsShort -= pair.difference();
                } else {
                    unitsOver += pair.difference();
                }
                mongo.save(new DriftLine(reportId + ":" + pair.ean(), reportId, pair.ean(), pair.expected(),
                        pair.reported(), pair.difference(), unitPrice, lineValue));
            }
            mongo.save(new DriftReport(reportId, snapshot.snapshotId(), snapshot.importId(), storeId, snapshot.asOf(),
                    clock.instant(), pairs.size(), unitsShort, unitsOver, value, unpriced));
            log.info("Snapshot {} at {}: {} pairs drifted, {} units short, {} over, net value {}",
                    snapshot.snapshotId(), storeId, pairs.size(), unitsShort, unitsOver, value);
        }
    }

    /** The latest report of the store (by the snapshot's as-of), with one page of its pairs by EAN. */
    Optional<StoreDriftResponse> latestOf(String storeId, int page, int size) {
        Query latest = Query.query(where("storeId").is(storeId))
                .with(Sort.by(Sort.Order.desc("asOf"), Sort.Order.desc("reportedAt"))).limit(1);
        DriftReport report = mongo.findOne(latest, DriftReport.class);
        if (report == null) {
            return Optional.empty();
        }
        Query lines = Query.query(where("reportId").is(report.id()));
        long total = mongo.count(lines, DriftLine.class);
        lines.with(Sort.by("ean")).skip((long) page * size).limit(size);
        return Optional.of(StoreDriftResponse.of(report, mongo.find(lines, DriftLine.class), page, size, total));
    }

    /** The snapshot's reports, by store. */
    List<DriftReport> ofSnapshot(String snapshotId) {
        return mongo.find(Query.query(where("snapshotId").is(snapshotId)).with(Sort.by("storeId")), DriftReport.class);
    }
}
