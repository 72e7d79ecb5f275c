package io.omnihub.order.model;

import java.time.Instant;
import java.util.List;

/**
 * One routing round, kept on the order so every assignment can be explained.
 *
 * @param trigger     INTAKE, RESERVATION_REFUSED, REJECTED:&lt;reason&gt; or DEADLINE_PASSED
 * @param requested   the quantities this round had to place
 * @param allocations the stores chosen and what each got
 * @param unplaced    what no store could take (those quantities became UNFULFILLABLE)
 * @param reasons     why, in words: which filters left which stores out, how the chosen ones ranked
 */
public record RoutingDecision(Instant at, String trigger, String profile, List<StoreQuantity> requested,
        List<Allocation> allocations, List<StoreQuantity> unplaced, List<String> reasons) {

    public RoutingDecision {
        requested = List.copyOf(requested);
        allocations = List.copyOf(allocations);
        unplaced = List.copyOf(unplaced);
        reasons = List.copyOf(reasons);
    }
}
