package io.omnihub.order.model;

import java.util.List;

/** What one routing round gives one store: it becomes a new fulfilment whose stock is then reserved. */
public record Allocation(String storeId, List<StoreQuantity> lines) {

    public Allocation {
        lines = List.copyOf(lines);
    }
}
