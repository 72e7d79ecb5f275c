package io.omnihub.order.routing;

import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.routing.RoutingPlan.Assignment;
import io.omnihub.order.routing.RoutingPlan.Evaluation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which stores take an order's lines, in plain Java. First the filters leave out stores that cannot
 * serve it (inactive, journey not served, no capacity left today, too far, excluded from the order); then,
 * store after store, the best one by the profile's ranking takes every remaining line it has the full quantity
 * of, until everything is placed or the profile's split limit is reached. A line's quantity is never split
 * between stores. Pickup in store only checks the customer's store.
 */
public final class RoutingPolicy {

    static final double EARTH_RADIUS_KM = 6371.0088;
    private static final int LISTED_EXCLUSIONS = 10;

    private RoutingPolicy() {
    }

    public static RoutingPlan plan(RoutingRequest request, List<StoreCandidate> stores, StockLookup stock,
            RoutingProfile profile) {
        List<String> reasons = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        List<StoreCandidate> eligible = new ArrayList<>();
        boolean pickup = request.journey() == Journey.PICKUP_IN_STORE;
        int excluded = 0;
        for (StoreCandidate store : stores) {
            if (pickup && !store.storeId().equals(request.pickupStoreId())) {
                continue;
            }
            Double distance = distanceKm(request, store);
            String excludedBy = filter(request, store, distance, profile);
            evaluations.add(new Evaluation(store.storeId(), excludedBy == null, excludedBy, distance,
                    store.priority()));
            if (excludedBy == null) {
                eligible.add(store);
            } else if (excluded++ < LISTED_EXCLUSIONS) {
                reasons.add(store.storeId() + " left out: " + excludedBy);
            }
        }
        if (excluded > LISTED_EXCLUSIONS) {
            reasons.add("… and " + (excluded - LISTED_EXCLUSIONS) + " more stores left out by the filters");
        }
        if (pickup && evaluations.isEmpty()) {
            reasons.add(request.pickupStoreId() == null ? "pickup in store without a pickup store"
                    : "pickup store " + request.pickupStoreId() + " is unknown");
        }
        List<Assignment> assignments = new ArrayList<>();
        List<Demand> remaining = new ArrayList<>(request.lines());
        Set<String> serving = new LinkedHashSet<>(request.storesInUse());
        Comparator<Option> ranking = ranking(profile);
        while (!remaining.isEmpty()) {
            List<Option> options = new ArrayList<>();
            for (StoreCandidate store : eligible) {
                boolean newStore = !serving.contains(store.storeId());
                if (newStore && serving.size() >= profile.maxStores()) {
                    continue;
                }
                List<Demand> covered = remaining.stream()
                        .filter(line -> !request.excluded(store.storeId(), line.ean()))
                        .filter(line -> stock.available(store.storeId(), line.ean()) >= line.quantity()).toList();
                if (!covered.isEmpty()) {
                    long depth = covered.stream()
                            .mapToLong(line -> stock.available(store.storeId(), line.ean()) - line.quantity()).sum();
                    options.add(new Option(store, covered, newStore, distanceKm(request, store), depth));
                }
            }
            if (options.isEmpty()) {
                break;
            }
            Option best = options.stream().min(ranking).orElseThrow();
            assignments.add(new Assignment(best.store().storeId(), best.covered()));
            reasons.add(describe(best, options.size()));
            serving.add(best.store().storeId());
            eligible.remove(best.store());
            remaining.removeAll(best.covered());
        }
        for (Demand line : remaining) {
            reasons.add(line.ean() + " ×" + line.quantity() + " unplaced: " + whyUnplaced(request, line, eligible,
                    stock, serving, profile, assignments));
        }
        return new RoutingPlan(assignments, remaining, reasons, evaluations);
    }

    /** The first filter that leaves the store out, or null when it is eligible. */
    static String filter(RoutingRequest request, StoreCandidate store, Double distance, RoutingProfile profile) {
        if (!store.active()) {
            return "inactive";
        }
        if (profile.filters().contains(RoutingFilter.SERVES_JOURNEY) && !store.journeys().contains(request.journey())) {
            return "does not serve " + request.journey();
        }
        if (request.excludedStores().contains(store.storeId())) {
            return "rejected this order before";
        }
        if (profile.filters().contains(RoutingFilter.CAPACITY_TODAY) && store.remainingCapacity() <= 0) {
            return "no capacity left today";
        }
        if (profile.filters().contains(RoutingFilter.MAX_DISTANCE) && profile.maxDistanceKm() != null
                && distance != null && distance > profile.maxDistanceKm()) {
            return String.format(Locale.ROOT, "%.1f km away, beyond %.1f km", distance, profile.maxDistanceKm());
        }
        return null;
    }

    /** Great-circle distance between the customer and the store, or null when either has no coordinates. */
    static Double distanceKm(RoutingRequest request, StoreCandidate store) {
        if (request.latitude() == null || request.longitude() == null || store.latitude() == null
                || store.longitude() == null) {
            return null;
        }
        return haversineKm(request.latitude(), request.longitude(), store.latitude(), store.longitude());
    }

    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static Comparator<Option> ranking(RoutingProfile profile) {
        Comparator<Option> comparator = (a, b) -> 0;
        for (RankingCriterion criterion : profile.ranking()) {
            comparator = comparator.thenComparing(switch (criterion) {
                case DISTANCE -> Comparator.comparing(Option::distanceKm,
                        Comparator.nullsLast(Comparator.naturalOrder()));
                case PRIORITY -> Comparator.comparingInt((Option option) -> option.store().priority());
                case FEWEST_SPLITS -> Comparator.comparing(Option::newStore)
                        .thenComparing(Comparator.comparingInt((Option option) -> option.covered().size()).reversed());
                case STOCK_DEPTH -> Comparator.comparingLong(Option::depth).reversed();
            });
        }
        // the same inputs always give the same plan
        return comparator.thenComparing(option -> option.store().storeId());
    }

    private static String describe(Option chosen, int options) {
        StringBuilder text = new StringBuilder(chosen.store().storeId()).append(" takes ");
        chosen.covered().forEach(line -> text.append(line.ean()).append(" ×").append(line.quantity()).append(", "));
        text.setLength(text.length() - 2);
        text.append(" (best of ").append(options).append(" stores with stock: ");
        text.append(chosen.distanceKm() == null ? "distance unknown"
                : String.format(Locale.ROOT, "%.1f km", chosen.distanceKm()));
        text.append(", priority ").append(chosen.store().priority());
        text.append(", ").append(chosen.covered().size()).append(chosen.covered().size() == 1 ? " line" : " lines");
        text.append(chosen.newStore() ? "" : ", already serving the order");
        text.append(", ").append(chosen.depth()).append(" units left after)");
        return text.toString();
    }

    private static String whyUnplaced(RoutingRequest request, Demand line, List<StoreCandidate> unused,
            StockLookup stock, Set<String> serving, RoutingProfile profile, List<Assignment> assignments) {
        boolean someoneHasIt = unused.stream().anyMatch(store -> !request.excluded(store.storeId(), line.ean())
                && stock.available(store.storeId(), line.ean()) >= line.quantity());
        if (someoneHasIt && serving.size() >= profile.maxStores()) {
            return profile.splitAllowed() ? "the order already uses " + serving.size() + " stores (maxSplits "
                    + profile.maxSplits() + ")" : "splitting is not allowed and " + String.join(", ", serving)
                    + " does not have it";
        }
        return "no eligible store has " + line.quantity() + " available";
    }

    private record Option(StoreCandidate store, List<Demand> covered, boolean newStore, Double distanceKm,
            long depth) {
    }
}
