package io.omnihub.order.routing;

import io.omnihub.contracts.orders.Journey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to place, for whom.
 *
 * @param latitude          the customer's, or null
 * @param pickupStoreId     the store the customer chose (PICKUP_IN_STORE)
 * @param storesInUse       stores already serving the order (choosing one adds no split)
 * @param excludedStores    stores left out for the whole order (they rejected it or let it expire)
 * @param excludedEans      per store, EANs it may not take (it refused their reservation)
 */
public record RoutingRequest(Journey journey, Double latitude, Double longitude, String pickupStoreId,
        List<Demand> lines, Set<String> storesInUse, Set<String> excludedStores,
        Map<String, Set<String>> excludedEans) {

    public RoutingRequest {
        lines = List.copyOf(lines);
        storesInUse = storesInUse == null ? Set.of() : Set.copyOf(storesInUse);
        excludedStores = excludedStores == null ? Set.of() : Set.copyOf(excludedStores);
        excludedEans = excludedEans == null ? Map.of() : Map.copyOf(excludedEans);
    }

    boolean excluded(String storeId, String ean) {
        return excludedEans.getOrDefault(storeId, Set.of()).contains(ean);
    }
}
