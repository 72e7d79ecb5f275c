package io.omnihub.order.model;

import java.util.List;

/**
 * Quantities a fulfilment gave back to routing (rejected, or unanswered by the deadline), kept until the next
 * routing round says where they went, which it announces as {@code OrderRerouted}.
 */
public record Reroute(String fromFulfillmentId, String fromStoreId, List<StoreQuantity> lines, String reason) {

    public Reroute {
        lines = List.copyOf(lines);
    }
}
