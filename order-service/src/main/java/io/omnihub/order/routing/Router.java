package io.omnihub.order.routing;

import io.omnihub.order.availability.AvailabilityProjection;
import io.omnihub.order.model.Allocation;
import io.omnihub.order.model.Exclusion;
import io.omnihub.order.model.Order;
import io.omnihub.order.model.OrderRepository;
import io.omnihub.order.model.RoutingDecision;
import io.omnihub.order.model.StoreQuantity;
import io.omnihub.order.store.Store;
import io.omnihub.order.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Applies {@link RoutingPolicy} to orders: gathers the stores, their load today, the availability projection and
 * the site's profile, and writes the decision onto the order (new fulfilments and their ReserveStock commands in
 * the same write).
 */
@Component
public class Router {

    private final OrderRepository orders;
    private final Stores stores;
    private final AvailabilityProjection availability;
    private final RoutingProfiles profiles;
    private final Clock clock;

    Router(OrderRepository orders, Stores stores, AvailabilityProjection availability, RoutingProfiles profiles,
            Clock clock) {
        this.orders = orders;
        this.stores = stores;
        this.availability = availability;
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Routes what the order has waiting; answers the fulfilments created. */
    public List<String> route(String orderId) {
        Map<String, Integer> given = new HashMap<>();
        List<String> created = orders.change(orderId, order -> {
            given.clear();
            return apply(order, given);
        });
        booked(given);
        return created;
    }

    /**
     * Routes a new order before its first write (intake), so that the order, its first decision and its
     * ReserveStock commands are written once, and nothing waits for the routing worker. Answers the fulfilments
     * given to each store, for {@link #booked} once that write succeeded (a retried request's order is never
     * written, so it must count nothing).
     */
    public Map<String, Integer> routeBeforeFirstWrite(Order order) {
        Map<String, Integer> given = new HashMap<>();
        apply(order, given);
        return given;
    }

    /** Counts fulfilments given to stores today (the CAPACITY_TODAY filter). */
    public void booked(Map<String, Integer> given) {
        given.forEach(stores::loaded);
    }

    private List<String> apply(Order order, Map<String, Integer> given) {
        if (!order.routingDue()) {
            return List.of();
        }
        Instant now = clock.instant();
        RoutingProfile profile = profiles.of(order.siteId());
        List<StoreQuantity> open = order.toRoute();
        RoutingPlan plan = plan(request(order, open), profile);
        List<Allocation> allocations = plan.assignments().stream().map(assignment -> new Allocation(
                assignment.storeId(), assignment.lines().stream()
                        .map(line -> new StoreQuantity(line.ean(), line.quantity())).toList()))
                .toList();
        allocations.forEach(allocation -> given.merge(allocation.storeId(), 1, Integer::sum));
        String trigger = order.routingTrigger() == null ? "INTAKE" : order.routingTrigger();
        return order.route(new RoutingDecision(now, trigger, describe(order.siteId(), profile), open,
                allocations, plan.unplaced().stream().map(line -> new StoreQuantity(line.ean(), line.quantity()))
                        .toList(), plan.reasons()), now);
    }

    /** The policy's plan for {@code request}, nothing reserved nor written. */
    RoutingPlan plan(RoutingRequest request, RoutingProfile profile) {
        List<Store> all = stores.forRouting();
        Map<String, Long> load = stores.loadToday(all.stream().map(Store::storeId).toList());
        List<StoreCandidate> candidates = all.stream().map(store -> candidate(store, load)).toList();
        Set<String> eans = new HashSet<>();
        request.lines().forEach(line -> eans.add(line.ean()));
        List<String> storeIds = candidates.stream().map(StoreCandidate::storeId).toList();
        return RoutingPolicy.plan(request, candidates, availability.lookup(storeIds, eans), profile);
    }

    private static RoutingRequest request(Order order, List<StoreQuantity> open) {
        Set<String> excludedStores = new HashSet<>();
        Map<String, Set<String>> excludedEans = new HashMap<>();
        for (Exclusion exclusion : order.exclusions()) {
            if (exclusion.wholeOrder()) {
                excludedStores.add(exclusion.storeId());
            } else {
                excludedEans.computeIfAbsent(exclusion.storeId(), store -> new HashSet<>()).addAll(exclusion.eans());
            }
        }
        Double latitude = order.shippingAddress() == null ? null : order.shippingAddress().latitude();
        Double longitude = order.shippingAddress() == null ? null : order.shippingAddress().longitude();
        return new RoutingRequest(order.journey(), latitude, longitude, order.pickupStoreId(),
                open.stream().map(line -> new Demand(line.ean(), line.quantity())).toList(), order.storesInUse(),
                excludedStores, excludedEans);
    }

    private static StoreCandidate candidate(Store store, Map<String, Long> load) {
        return new StoreCandidate(store.storeId(), store.latitude(), store.longitude(), store.journeys(),
                store.active(), store.priority(), store.dailyCapacity() - load.getOrDefault(store.storeId(), 0L));
    }

    static String describe(String siteId, RoutingProfile profile) {
        return siteId + ": filters " + profile.filters() + ", ranking " + profile.ranking() + ", split "
                + (profile.splitAllowed() ? "up to " + profile.maxSplits() + " stores" : "not allowed")
                + ", deadline " + profile.acceptanceDeadline()
                + (profile.maxDistanceKm() == null ? "" : ", max " + profile.maxDistanceKm() + " km");
    }
}
