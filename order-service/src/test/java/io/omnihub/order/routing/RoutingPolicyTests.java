package io.omnihub.order.routing;

import static io.omnihub.contracts.orders.Journey.PICKUP_IN_STORE;
import static io.omnihub.contracts.orders.Journey.SHIP_FROM_STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.routing.RoutingPlan.Assignment;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPolicyTests {

    // the customer on Av. Paulista; LJ001 next door, LJ002 ~3.7 km, LJ003 in Campinas ~80 km
    private static final double LAT = -23.5614;
    private static final double LON = -46.6559;
    private static final String SHIRT = "7891000000007";
    private static final String SHOES = "7891000015834";
    private static final String CAP = "7891000020005";

    private final Map<String, Long> shelves = new HashMap<>();
    private final StockLookup stock = (store, ean) -> shelves.getOrDefault(store + ":" + ean, 0L);

    private static StoreCandidate store(String id, double lat, double lon, int priority) {
        return new StoreCandidate(id, lat, lon, Set.of(SHIP_FROM_STORE, PICKUP_IN_STORE), true, priority, 10);
    }

    private static final StoreCandidate PAULISTA = store("LJ001", -23.5614, -46.6559, 3);
    private static final StoreCandidate PINHEIROS = store("LJ002", -23.567, -46.692, 2);
    private static final StoreCandidate CAMPINAS = store("LJ003", -22.9056, -47.0608, 1);
    private static final List<StoreCandidate> STORES = List.of(PAULISTA, PINHEIROS, CAMPINAS);

    private void shelf(String store, String ean, long units) {
        shelves.put(store + ":" + ean, units);
    }

    private static RoutingRequest ship(Demand... lines) {
        return new RoutingRequest(SHIP_FROM_STORE, LAT, LON, null, List.of(lines), Set.of(), Set.of(), Map.of());
    }

    private static RoutingProfile ranking(RankingCriterion... criteria) {
        return new RoutingProfile(EnumSet.allOf(RoutingFilter.class), List.of(criteria), true, 3,
                Duration.ofHours(2), null);
    }

    private static List<String> stores(RoutingPlan plan) {
        return plan.assignments().stream().map(Assignment::storeId).toList();
    }

    @Test
    void routesToTheNearestStoreWithTheStock() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHIRT, 5);
        shelf("LJ003", SHIRT, 5);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 2)), STORES, stock, RoutingProfile.DEFAULT);

        assertThat(plan.assignments()).containsExactly(new Assignment("LJ001", List.of(new Demand(SHIRT, 2))));
        assertThat(plan.unplaced()).isEmpty();
        assertThat(plan.reasons()).anyMatch(reason -> reason.startsWith("LJ001 takes " + SHIRT + " ×2"));
    }

    @Test
    void skipsAStoreWithoutTheFullQuantity() {
        shelf("LJ001", SHIRT, 1);
        shelf("LJ002", SHIRT, 2);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 2)), STORES, stock, RoutingProfile.DEFAULT);

        assertThat(stores(plan)).containsExactly("LJ002");
    }

    @Test
    void priorityFirstPicksTheFirstChoiceStoreWhateverTheDistance() {
        STORES.forEach(store -> shelf(store.storeId(), SHIRT, 5));

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1)), STORES, stock,
                ranking(RankingCriterion.PRIORITY, RankingCriterion.DISTANCE));

        assertThat(stores(plan)).containsExactly("LJ003");
    }

    @Test
    void stockDepthFirstPicksTheFullestShelf() {
        shelf("LJ001", SHIRT, 3);
        shelf("LJ002", SHIRT, 9);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 2)), STORES, stock,
                ranking(RankingCriterion.STOCK_DEPTH, RankingCriterion.DISTANCE));

        assertThat(stores(plan)).containsExactly("LJ002");
    }

    @Test
    void fewestSplitsPrefersOneStoreWithEverythingOverANearerOneWithPart() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHIRT, 5);
        shelf("LJ002", SHOES, 5);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1), new Demand(SHOES, 1)), STORES, stock,
                RoutingProfile.DEFAULT);

        assertThat(plan.assignments()).containsExactly(
                new Assignment("LJ002", List.of(new Demand(SHIRT, 1), new Demand(SHOES, 1))));
    }

    @Test
    void distanceFirstSplitsBetweenTheNearestStores() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHIRT, 5);
        shelf("LJ002", SHOES, 5);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1), new Demand(SHOES, 1)), STORES, stock,
                ranking(RankingCriterion.DISTANCE, RankingCriterion.FEWEST_SPLITS));

        assertThat(plan.assignments()).containsExactly(new Assignment("LJ001", List.of(new Demand(SHIRT, 1))),
                new Assignment("LJ002", List.of(new Demand(SHOES, 1))));
    }

    @Test
    void withoutSplitsOneStoreTakesWhatItCanAndTheRestIsUnplaced() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHOES, 5);
        RoutingProfile noSplit = new RoutingProfile(EnumSet.allOf(RoutingFilter.class),
                List.of(RankingCriterion.DISTANCE), false, 3, Duration.ofHours(1), null);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1), new Demand(SHOES, 1)), STORES, stock,
                noSplit);

        assertThat(stores(plan)).containsExactly("LJ001");
        assertThat(plan.unplaced()).containsExactly(new Demand(SHOES, 1));
        assertThat(plan.reasons()).anyMatch(reason -> reason.contains("splitting is not allowed"));
    }

    @Test
    void stopsAtMaxSplits() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHOES, 5);
        shelf("LJ003", CAP, 5);
        RoutingProfile twoStores = new RoutingProfile(EnumSet.noneOf(RoutingFilter.class),
                List.of(RankingCriterion.DISTANCE), true, 2, Duration.ofHours(1), null);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1), new Demand(SHOES, 1), new Demand(CAP, 1)),
                STORES, stock, twoStores);

        assertThat(stores(plan)).containsExactly("LJ001", "LJ002");
        assertThat(plan.unplaced()).containsExactly(new Demand(CAP, 1));
        assertThat(plan.reasons()).anyMatch(reason -> reason.contains("maxSplits 2"));
    }

    @Test
    void aStoreAlreadyServingTheOrderAddsNoSplit() {
        shelf("LJ001", SHOES, 5);
        shelf("LJ003", SHOES, 5);
        RoutingRequest reroute = new RoutingRequest(SHIP_FROM_STORE, LAT, LON, null, List.of(new Demand(SHOES, 1)),
                Set.of("LJ003"), Set.of(), Map.of());
        RoutingProfile oneStore = new RoutingProfile(Set.of(), List.of(RankingCriterion.DISTANCE), false, 1,
                Duration.ofHours(1), null);

        RoutingPlan plan = RoutingPolicy.plan(reroute, STORES, stock, oneStore);

        assertThat(stores(plan)).containsExactly("LJ003");
    }

    @Test
    void leavesOutInactiveStores() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHIRT, 5);
        StoreCandidate closed = new StoreCandidate("LJ001", -23.5614, -46.6559, Set.of(SHIP_FROM_STORE), false, 1, 10);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1)), List.of(closed, PINHEIROS), stock,
                RoutingProfile.DEFAULT);

        assertThat(stores(plan)).containsExactly("LJ002");
        assertThat(plan.evaluations()).anyMatch(evaluation -> evaluation.storeId().equals("LJ001")
                && !evaluation.eligible() && evaluation.excludedBy().equals("inactive"));
        assertThat(plan.reasons()).contains("LJ001 left out: inactive");
    }

    @Test
    void leavesOutStoresThatDoNotServeTheJourneyOnlyWhenTheFilterIsOn() {
        shelf("LJ001", SHIRT, 5);
        StoreCandidate pickupOnly = new StoreCandidate("LJ001", -23.5614, -46.6559, Set.of(PICKUP_IN_STORE), true, 1,
                10);
        RoutingProfile withoutJourneyFilter = new RoutingProfile(EnumSet.of(RoutingFilter.CAPACITY_TODAY),
                List.of(RankingCriterion.DISTANCE), true, 3, Duration.ofHours(1), null);

        assertThat(RoutingPolicy.plan(ship(new Demand(SHIRT, 1)), List.of(pickupOnly), stock, RoutingProfile.DEFAULT)
                .unplaced()).containsExactly(new Demand(SHIRT, 1));
        assertThat(stores(RoutingPolicy.plan(ship(new Demand(SHIRT, 1)), List.of(pickupOnly), stock,
                withoutJourneyFilter))).containsExactly("LJ001");
    }

    @Test
    void leavesOutStoresWithoutCapacityToday() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHIRT, 5);
        StoreCandidate full = new StoreCandidate("LJ001", -23.5614, -46.6559, Set.of(SHIP_FROM_STORE), true, 1, 0);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1)), List.of(full, PINHEIROS), stock,
                RoutingProfile.DEFAULT);

        assertThat(stores(plan)).containsExactly("LJ002");
        assertThat(plan.reasons()).contains("LJ001 left out: no capacity left today");
    }

    @Test
    void leavesOutStoresBeyondTheMaxDistance() {
        shelf("LJ003", SHIRT, 5);
        RoutingProfile near = new RoutingProfile(EnumSet.allOf(RoutingFilter.class), List.of(RankingCriterion.DISTANCE),
                true, 3, Duration.ofHours(1), 50.0);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1)), STORES, stock, near);

        assertThat(plan.unplaced()).containsExactly(new Demand(SHIRT, 1));
        assertThat(plan.reasons()).anyMatch(reason -> reason.startsWith("LJ003 left out:")
                && reason.contains("beyond 50.0 km"));
    }

    @Test
    void aCustomerWithoutCoordinatesIsNotHeldToTheMaxDistanceAndDistanceRanksNobody() {
        shelf("LJ003", SHIRT, 5);
        shelf("LJ002", SHIRT, 5);
        RoutingProfile near = new RoutingProfile(EnumSet.allOf(RoutingFilter.class),
                List.of(RankingCriterion.DISTANCE, RankingCriterion.PRIORITY), true, 3, Duration.ofHours(1), 50.0);
        RoutingRequest noCoordinates = new RoutingRequest(SHIP_FROM_STORE, null, null, null,
                List.of(new Demand(SHIRT, 1)), Set.of(), Set.of(), Map.of());

        RoutingPlan plan = RoutingPolicy.plan(noCoordinates, STORES, stock, near);

        assertThat(stores(plan)).containsExactly("LJ003");
        assertThat(plan.reasons()).anyMatch(reason -> reason.contains("distance unknown"));
    }

    @Test
    void neverRoutesBackToAStoreThatRejectedTheOrder() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ002", SHIRT, 5);
        RoutingRequest rerouted = new RoutingRequest(SHIP_FROM_STORE, LAT, LON, null, List.of(new Demand(SHIRT, 1)),
                Set.of(), Set.of("LJ001"), Map.of());

        RoutingPlan plan = RoutingPolicy.plan(rerouted, STORES, stock, RoutingProfile.DEFAULT);

        assertThat(stores(plan)).containsExactly("LJ002");
        assertThat(plan.reasons()).contains("LJ001 left out: rejected this order before");
    }

    @Test
    void aStoreThatRefusedAReservationIsLeftOutOnlyForThoseEans() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ001", SHOES, 5);
        shelf("LJ002", SHIRT, 5);
        RoutingRequest refused = new RoutingRequest(SHIP_FROM_STORE, LAT, LON, null,
                List.of(new Demand(SHIRT, 1), new Demand(SHOES, 1)), Set.of(), Set.of(),
                Map.of("LJ001", Set.of(SHIRT)));

        RoutingPlan plan = RoutingPolicy.plan(refused, STORES, stock, RoutingProfile.DEFAULT);

        assertThat(plan.assignments()).containsExactlyInAnyOrder(
                new Assignment("LJ001", List.of(new Demand(SHOES, 1))),
                new Assignment("LJ002", List.of(new Demand(SHIRT, 1))));
    }

    @Test
    void nothingAnywhereLeavesEveryLineUnplacedWithTheReason() {
        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 2)), STORES, stock, RoutingProfile.DEFAULT);

        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.unplaced()).containsExactly(new Demand(SHIRT, 2));
        assertThat(plan.reasons()).contains(SHIRT + " ×2 unplaced: no eligible store has 2 available");
    }

    @Test
    void pickupOnlyChecksTheCustomersStoreEvenWhenANearerOneHasStock() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ003", SHIRT, 5);
        RoutingRequest pickup = new RoutingRequest(PICKUP_IN_STORE, LAT, LON, "LJ003",
                List.of(new Demand(SHIRT, 1)), Set.of(), Set.of(), Map.of());

        RoutingPlan plan = RoutingPolicy.plan(pickup, STORES, stock, RoutingProfile.DEFAULT);

        assertThat(stores(plan)).containsExactly("LJ003");
        assertThat(plan.evaluations()).extracting(RoutingPlan.Evaluation::storeId).containsExactly("LJ003");
    }

    @Test
    void pickupAtAStoreWithoutTheStockIsUnplacedNotMoved() {
        shelf("LJ001", SHIRT, 5);
        shelf("LJ003", SHIRT, 1);
        RoutingRequest pickup = new RoutingRequest(PICKUP_IN_STORE, LAT, LON, "LJ003",
                List.of(new Demand(SHIRT, 2)), Set.of(), Set.of(), Map.of());

        RoutingPlan plan = RoutingPolicy.plan(pickup, STORES, stock, RoutingProfile.DEFAULT);

        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.unplaced()).containsExactly(new Demand(SHIRT, 2));
    }

    @Test
    void pickupAtAnUnknownStoreSaysSo() {
        RoutingRequest pickup = new RoutingRequest(PICKUP_IN_STORE, null, null, "LJ999",
                List.of(new Demand(SHIRT, 1)), Set.of(), Set.of(), Map.of());

        RoutingPlan plan = RoutingPolicy.plan(pickup, STORES, stock, RoutingProfile.DEFAULT);

        assertThat(plan.unplaced()).hasSize(1);
        assertThat(plan.reasons()).contains("pickup store LJ999 is unknown");
    }

    @Test
    void equalStoresAreChosenByIdSoThePlanIsReproducible() {
        StoreCandidate a = new StoreCandidate("B", 0.0, 0.0, Set.of(Journey.SHIP_FROM_STORE), true, 1, 1);
        StoreCandidate b = new StoreCandidate("A", 0.0, 0.0, Set.of(Journey.SHIP_FROM_STORE), true, 1, 1);
        shelf("A", SHIRT, 1);
        shelf("B", SHIRT, 1);

        RoutingPlan plan = RoutingPolicy.plan(ship(new Demand(SHIRT, 1)), List.of(a, b), stock, RoutingProfile.DEFAULT);

        assertThat(stores(plan)).containsExactly("A");
    }

    @Test
    void haversineMatchesKnownDistances() {
        // Paulista to Campinas centre: about 84 km as the crow flies
        assertThat(RoutingPolicy.haversineKm(-23.5614, -46.6559, -22.9056, -47.0608)).isCloseTo(84.0, within(2.0));
        assertThat(RoutingPolicy.haversineKm(0, 0, 0, 1)).isCloseTo(111.2, within(0.1));
        assertThat(RoutingPolicy.haversineKm(10, 10, 10, 10)).isZero();
    }

    @Test
    void printsDistancesWithOneDecimalLikeTheFormatter() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 10_000; i++) {
            // distances on Earth, with three decimals so that no value sits on a binary rounding edge
            double distance = random.nextInt(20_000_000) / 1000.0 + 0.0001;
            assertThat(RoutingPolicy.oneDecimal(distance))
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", distance));
        }
        assertThat(RoutingPolicy.oneDecimal(50)).isEqualTo("50.0");
        assertThat(RoutingPolicy.oneDecimal(0.04)).isEqualTo("0.0");
    }

    @Test
    void aProfileRefusesNonsense() {
        assertThatThrownBy(() -> new RoutingProfile(Set.of(), List.of(), true, 0, Duration.ofHours(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingProfile(Set.of(), List.of(), true, 1, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingProfile(Set.of(), List.of(), true, 1, Duration.ofHours(1), -1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoutingProfile(Set.of(), List.of(RankingCriterion.DISTANCE,
                RankingCriterion.DISTANCE), true, 1, Duration.ofHours(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RoutingProfile(Set.of(), List.of(), false, 5, Duration.ofHours(1), null).maxStores())
                .isEqualTo(1);
    }
}
