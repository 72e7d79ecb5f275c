package io.omnihub.order.routing;

import io.omnihub.contracts.orders.Journey;
import java.util.Set;

/**
 * A store as routing sees it.
 *
 * @param remainingCapacity fulfilments it can still take today
 */
public record StoreCandidate(String storeId, Double latitude, Double longitude, Set<Journey> journeys,
        boolean active, int priority, long remainingCapacity) {

    public StoreCandidate {
        journeys = journeys == null ? Set.of() : Set.copyOf(journeys);
    }
}
