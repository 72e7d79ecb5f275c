package io.omnihub.order.routing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How a site's orders are routed.
 *
 * @param filters            optional filters switched on (the others are always applied)
 * @param ranking            criteria in order of importance; unlisted ones are not used
 * @param splitAllowed       whether an order may be served by several stores
 * @param maxSplits          the most stores one order may be split over (1 when splits are not allowed)
 * @param acceptanceDeadline how long a store has to answer before the fulfilment is withdrawn and re-routed
 * @param maxDistanceKm      with MAX_DISTANCE, stores farther from the customer are left out; null: no limit
 */
public record RoutingProfile(Set<RoutingFilter> filters, List<RankingCriterion> ranking, boolean splitAllowed,
        int maxSplits, Duration acceptanceDeadline, Double maxDistanceKm) {

    public static final RoutingProfile DEFAULT = new RoutingProfile(EnumSet.allOf(RoutingFilter.class),
            List.of(RankingCriterion.FEWEST_SPLITS, RankingCriterion.DISTANCE, RankingCriterion.PRIORITY,
                    RankingCriterion.STOCK_DEPTH),
            true, 3, Duration.ofHours(2), null);

    public RoutingProfile {
        filters = filters == null || filters.isEmpty() ? EnumSet.noneOf(RoutingFilter.class) : EnumSet.copyOf(filters);
        ranking = ranking == null ? List.of() : List.copyOf(ranking);
        if (ranking.stream().distinct().count() != ranking.size()) {
            throw new IllegalArgumentException("a ranking criterion is listed twice: " + ranking);
        }
        if (maxSplits < 1) {
            throw new IllegalArgumentException("maxSplits must be at least 1");
        }
        if (acceptanceDeadline == null || acceptanceDeadline.isNegative() || acceptanceDeadline.isZero()) {
            throw new IllegalArgumentException("acceptanceDeadline must be positive");
        }
        if (maxDistanceKm != null && maxDistanceKm <= 0) {
            throw new IllegalArgumentException("maxDistanceKm must be positive");
        }
    }

    /** The most stores an order may use. */
    public int maxStores() {
        return splitAllowed ? maxSplits : 1;
    }
}
