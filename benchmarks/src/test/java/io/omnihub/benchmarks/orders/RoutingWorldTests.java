package io.omnihub.benchmarks.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.routing.Demand;
import io.omnihub.order.routing.RoutingPlan;
import io.omnihub.order.routing.RoutingPolicy;
import io.omnihub.order.routing.RoutingRequest;
import io.omnihub.order.routing.StockLookup;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingWorldTests {

    private final RoutingWorld world = RoutingWorld.generate(100, 2_000, 200, 42L);

    @Test
    void spreadsStoresOverTheCountryWithDistinctIds() {
        assertThat(world.stores).hasSize(100);
        assertThat(world.stores.stream().map(store -> store.storeId()).distinct()).hasSize(100);
        double south = world.stores.stream().mapToDouble(store -> store.latitude()).min().orElseThrow();
        double north = world.stores.stream().mapToDouble(store -> store.latitude()).max().orElseThrow();
        // from the south (Porto Alegre, -30) to the north-east (Fortaleza, -3.7): well over 1,000 km apart
        assertThat(RoutingWorld.haversineKm(south, -50, north, -50)).isGreaterThan(1_000);
        assertThat(world.stores).anyMatch(store -> !store.active())
                .anyMatch(store -> !store.journeys().contains(Journey.PICKUP_IN_STORE));
    }

    @Test
    void bestSellersAreHeldByMoreStoresThanTheTail() {
        double head = world.eans.subList(0, 20).stream().mapToInt(world.projection::holders).average().orElseThrow();
        double tail = world.eans.subList(1_000, 2_000).stream().mapToInt(world.projection::holders).average()
                .orElseThrow();

        assertThat(head).isGreaterThan(2 * tail);
        assertThat(tail).isGreaterThan(1);
        assertThat(world.projection.pairs()).isBetween(2_000L * 5, 2_000L * 100);
    }

    @Test
    void aLookupAnswersTheUnitsOfTheAskedEansOnly() {
        String ean = world.eans.get(0);
        StockLookup lookup = world.projection.lookup(List.of(ean));

        long storesWithUnits = world.stores.stream().filter(store -> lookup.available(store.storeId(), ean) > 0)
                .count();
        assertThat(storesWithUnits).isPositive().isLessThanOrEqualTo(world.projection.holders(ean));
        assertThat(world.stores).allMatch(store -> lookup.available(store.storeId(), world.eans.get(1)) == 0);
    }

    @Test
    void ordersHaveOneToFourDistinctLinesAndCoordinates() {
        assertThat(world.orders).hasSize(200).allSatisfy(order -> {
            assertThat(order.lines()).hasSizeBetween(1, 4);
            Set<String> eans = new HashSet<>();
            order.lines().forEach(line -> eans.add(line.ean()));
            assertThat(eans).hasSize(order.lines().size());
            assertThat(order.latitude()).isNotNull();
        });
        assertThat(world.orders).anyMatch(order -> order.journey() == Journey.PICKUP_IN_STORE);
    }

    @Test
    void theNearestStoreScanAgreesWithThePolicyRankingByDistanceAlone() {
        var profile = new io.omnihub.order.routing.RoutingProfile(
                java.util.EnumSet.of(io.omnihub.order.routing.RoutingFilter.SERVES_JOURNEY),
                List.of(io.omnihub.order.routing.RankingCriterion.DISTANCE), false, 1, java.time.Duration.ofHours(1),
                null);
        int compared = 0;
        for (RoutingRequest order : world.orders) {
            if (order.journey() != Journey.SHIP_FROM_STORE) {
                continue;
            }
            StockLookup stock = world.projection.lookup(order.lines().stream().map(Demand::ean).toList());
            String nearest = RoutingWorld.nearestWithStock(order, world.stores, stock);
            RoutingPlan plan = RoutingPolicy.plan(order, world.stores, stock, profile);
            if (nearest != null && plan.unplaced().isEmpty()) {
                assertThat(plan.assignments()).extracting(RoutingPlan.Assignment::storeId).containsExactly(nearest);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void writesGtin13WithTheirCheckDigit() {
        assertThat(RoutingWorld.gtin13(789100000000L)).isEqualTo("7891000000007");
        assertThat(RoutingWorld.gtin13(400638133393L)).isEqualTo("4006381333931");
    }
}
