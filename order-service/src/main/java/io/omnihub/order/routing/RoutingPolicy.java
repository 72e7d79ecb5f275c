package io.omnihub.order.routing;

import io.omnihub.contracts.orders.Journey;
import io.omnihub.order.routing.RoutingPlan.Assignment;
import io.omnihub.order.routing.RoutingPlan.Evaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
        List<Evaluation> evaluations = new ArrayList<>(stores.size());
        List<Candidate> eligible = new ArrayList<>();
        List<Demand> lines = request.lines();
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
                eligible.add(new Candidate(store, distance, units(request, store, stock)));
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
        boolean[] placed = new boolean[lines.size()];
        int remaining = lines.size();
        Set<String> serving = new LinkedHashSet<>(request.storesInUse());
        Comparator<Option> ranking = ranking(profile);
        while (remaining > 0) {
            Option best = null;
            int options = 0;
            for (Candidate candidate : eligible) {
                if (candidate.chosen) {
                    continue;
                }
                boolean newStore = !serving.contains(candidate.store.storeId());
                if (newStore && serving.size() >= profile.maxStores()) {
                    continue;
                }
                Option option = option(candidate, lines, placed, newStore);
                if (option != null) {
                    options++;
                    // the first of equals wins, as Stream.min would
                    if (best == null || ranking.compare(option, best) < 0) {
                        best = option;
                    }
                }
            }
            if (best == null) {
                break;
            }
            List<Demand> covered = new ArrayList<>(best.covered().length);
            for (int line : best.covered()) {
                covered.add(lines.get(line));
                placed[line] = true;
                remaining--;
            }
            assignments.add(new Assignment(best.store().storeId(), covered));
            reasons.add(describe(best, covered, options));
            serving.add(best.store().storeId());
            best.candidate().chosen = true;
        }
        List<Demand> unplaced = new ArrayList<>(remaining);
        for (int line = 0; line < lines.size(); line++) {
            if (!placed[line]) {
                Demand demand = lines.get(line);
                unplaced.add(demand);
                reasons.add(demand.ean() + " ×" + demand.quantity() + " unplaced: " + whyUnplaced(line, demand,
                        eligible, serving, profile));
            }
        }
        return new RoutingPlan(assignments, unplaced, reasons, evaluations);
    }

    /**
     * What the store can promise of each line, read once per plan (not once per round and line): -1 where it
     * may not take the EAN (it refused its reservation for this order).
     */
    private static long[] units(RoutingRequest request, StoreCandidate store, StockLookup stock) {
        List<Demand> lines = request.lines();
        long[] units = new long[lines.size()];
        for (int line = 0; line < units.length; line++) {
            String ean = lines.get(line).ean();
            units[line] = request.excluded(store.storeId(), ean) ? -1 : stock.available(store.storeId(), ean);
        }
        return units;
    }

    /** The store's offer for the lines not placed yet: every one it holds in full; null when it holds none. */
    private static Option option(Candidate candidate, List<Demand> lines, boolean[] placed, boolean newStore) {
        int count = 0;
        long depth = 0;
        int[] covered = null;
        for (int line = 0; line < placed.length; line++) {
            long quantity = lines.get(line).quantity();
            if (!placed[line] && candidate.units[line] >= quantity) {
                if (covered == null) {
                    covered = new int[placed.length];
                }
                covered[count++] = line;
                depth += candidate.units[line] - quantity;
            }
        }
        return covered == null ? null
                : new Option(candidate, Arrays.copyOf(covered, count), newStore, candidate.distanceKm,
                        depth);
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
            // built for every store beyond the limit, often hundreds per order: no Formatter here
            return oneDecimal(distance) + " km away, beyond " + oneDecimal(profile.maxDistanceKm()) + " km";
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

    /** {@code value} rounded half up to one decimal, as {@code %.1f} prints it for distances on Earth. */
    static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return (tenths < 0 ? "-" : "") + Math.abs(tenths) / 10 + "." + Math.abs(tenths) % 10;
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
                        .thenComparing(Comparator.comparingInt((Option option) -> option.covered().length).reversed());
                case STOCK_DEPTH -> Comparator.comparingLong(Option::depth).reversed();
            });
        }
        // the same inputs always give the same plan
        return comparator.thenComparing(option -> option.store().storeId());
    }

    private static String describe(Option chosen, List<Demand> covered, int options) {
        StringBuilder text = new StringBuilder(chosen.store().storeId()).append(" takes ");
        covered.forEach(line -> text.append(line.ean()).append(" ×").append(line.quantity()).append(", "));
        text.setLength(text.length() - 2);
        text.append(" (best of ").append(options).append(" stores with stock: ");
        text.append(chosen.distanceKm() == null ? "distance unknown" : oneDecimal(chosen.distanceKm()) + " km");
        text.append(", priority ").append(chosen.store().priority());
        text.append(", ").append(covered.size()).append(covered.size() == 1 ? " line" : " lines");
        text.append(chosen.newStore() ? "" : ", already serving the order");
        text.append(", ").append(chosen.depth()).append(" units left after)");
        return text.toString();
    }

    private static String whyUnplaced(int line, Demand demand, List<Candidate> eligible, Set<String> serving,
            RoutingProfile profile) {
        boolean someoneHasIt = eligible.stream()
                .anyMatch(candidate -> !candidate.chosen && candidate.units[line] >= demand.quantity());
        if (someoneHasIt && serving.size() >= profile.maxStores()) {
            return profile.splitAllowed() ? "the order already uses " + serving.size() + " stores (maxSplits "
                    + profile.maxSplits() + ")" : "splitting is not allowed and " + String.join(", ", serving)
                    + " does not have it";
        }
        return "no eligible store has " + demand.quantity() + " available";
    }

    /** An eligible store, with its distance and what it holds of each line, computed once per plan. */
    private static final class Candidate {

        private final StoreCandidate store;
        private final Double distanceKm;
        private final long[] units;
        private boolean chosen;

        private Candidate(StoreCandidate store, Double distanceKm, long[] units) {
            this.store = store;
            this.distanceKm = distanceKm;
            this.units = units;
        }
    }

    /** A store's offer in one round: the indexes of the lines it would take. */
    private record Option(Candidate candidate, int[] covered, boolean newStore, Double distanceKm, long depth) {

        StoreCandidate store() {
            return candidate.store;
        }
    }
}
