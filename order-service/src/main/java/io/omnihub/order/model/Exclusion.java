package io.omnihub.order.model;

import java.util.Set;

/**
 * A store routing must not pick again for this order: for every line ({@code eans} empty: it rejected or left
 * unanswered a fulfilment) or only for some EANs (it refused their reservation).
 */
public record Exclusion(String storeId, Set<String> eans, String reason) {

    public Exclusion {
        eans = eans == null ? Set.of() : Set.copyOf(eans);
    }

    public boolean wholeOrder() {
        return eans.isEmpty();
    }

    public boolean excludes(String store, String ean) {
        return storeId.equals(store) && (wholeOrder() || eans.contains(ean));
    }
}
