package io.omnihub.order.routing;

import java.util.List;

/**
 * What the policy decided and why.
 *
 * @param assignments  stores chosen, in the order they were chosen, with what each takes
 * @param unplaced     what no eligible store could take
 * @param reasons      the explanation in words
 * @param evaluations  every store considered, eligible or not
 */
public record RoutingPlan(List<Assignment> assignments, List<Demand> unplaced, List<String> reasons,
        List<Evaluation> evaluations) {

    public RoutingPlan {
        assignments = List.copyOf(assignments);
        unplaced = List.copyOf(unplaced);
        reasons = List.copyOf(reasons);
        evaluations = List.copyOf(evaluations);
    }

    /** One store's share. */
    public record Assignment(String storeId, List<Demand> lines) {

        public Assignment {
            lines = List.copyOf(lines);
        }
    }

    /**
     * How a store fared.
     *
     * @param excludedBy the filter that left it out, null when eligible
     * @param distanceKm null when either side has no coordinates
     */
    public record Evaluation(String storeId, boolean eligible, String excludedBy, Double distanceKm, int priority) {
    }
}
