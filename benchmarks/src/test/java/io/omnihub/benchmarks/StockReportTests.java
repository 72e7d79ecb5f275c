package io.omnihub.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StockReportTests {

    @Test
    void comparesEachFileWithTheUpsertsOfItsKindAndEveryFigureWithTheSlowestCeiling() {
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("omnihub xlsx file → applied in inventory", 3_000.0);
        rates.put("omnihub JSON file → applied in inventory (upper bound: unfinished)", 1_000.0);
        rates.put("MongoDB (mongo-java-server, H2) raw bulk upserts, 1000 per bulkWrite", 6_000.0);
        rates.put("MongoDB raw bulk upserts onto the same documents again (all updates, as the second file's)", 4_000.0);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("started", "2026-11-29 20:00 UTC");

        String report = StockBenchmark.report(200_000, facts, rates);

        assertThat(report)
                .contains("| omnihub xlsx file → applied in inventory | 3,000 | 0.75 |")
                .contains("| MongoDB (mongo-java-server, H2) raw bulk upserts, 1000 per bulkWrite | 6,000 | 1.50 |")
                .contains("against the upserts into an empty collection: 0.50;")
                .contains("against the upserts onto the stored documents: 0.25.");
    }
}
