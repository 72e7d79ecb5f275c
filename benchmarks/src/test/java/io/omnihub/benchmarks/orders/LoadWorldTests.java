package io.omnihub.benchmarks.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadWorldTests {

    private final LoadWorld world = new LoadWorld("LT", 6, 30, 1L);

    @Test
    @SuppressWarnings("unchecked")
    void everyProductIsStockedSomewhereAndEveryStoreStocksSomething() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) world.fullStockBody(50, Instant.EPOCH)
                .get("items");

        Set<Object> eans = new HashSet<>();
        Set<Object> stores = new HashSet<>();
        rows.forEach(row -> {
            eans.add(row.get("ean"));
            stores.add(row.get("storeId"));
        });
        assertThat(eans).containsExactlyInAnyOrderElementsOf(world.eans);
        assertThat(stores).containsExactlyInAnyOrderElementsOf(world.storeIds);
        assertThat(rows.size()).isLessThan(6 * 30);
    }

    @Test
    @SuppressWarnings("unchecked")
    void ordersNameKnownEansOncePerLineAndTheRunsSite() {
        for (int i = 0; i < 100; i++) {
            Map<String, Object> order = world.nextOrder();
            List<Map<String, Object>> lines = (List<Map<String, Object>>) order.get("lines");
            Set<Object> eans = new HashSet<>();
            lines.forEach(line -> eans.add(line.get("ean")));

            assertThat(order.get("siteId")).isEqualTo("site-lt");
            assertThat(lines).hasSizeBetween(1, 3);
            assertThat(eans).hasSize(lines.size());
            assertThat(world.eans).containsAll((Set<String>) (Set<?>) eans);
        }
        assertThat(world.nextOrder().get("channelOrderId")).isNotEqualTo(world.nextOrder().get("channelOrderId"));
    }

    @Test
    void stockUpdatesTouchDistinctPairsTheStoresHoldWithinTheRange() {
        List<LoadWorld.StockRow> rows = world.stockUpdate(12, 5, 9);

        assertThat(rows).hasSize(12);
        assertThat(rows.stream().map(row -> row.storeId() + row.ean()).distinct()).hasSize(12);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.quantity()).isBetween(5L, 9L);
            assertThat(world.holds(world.storeIds.indexOf(row.storeId()), world.eans.indexOf(row.ean()))).isTrue();
        });
    }

    @Test
    void eansOfTwoPrefixesNeverMeet() {
        LoadWorld other = new LoadWorld("LU", 6, 30, 1L);

        assertThat(other.eans).doesNotContainAnyElementsOf(world.eans);
        assertThat(world.eans).allMatch(ean -> ean.length() == 13);
    }
}
