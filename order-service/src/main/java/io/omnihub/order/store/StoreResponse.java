package io.omnihub.order.store;

import io.omnihub.contracts.orders.Journey;
import java.time.Instant;
import java.util.Set;

/** A store as the API shows it: the ERP endpoint's header value is never shown. */
record StoreResponse(String storeId, String name, Double latitude, Double longitude, Set<Journey> journeys,
        int dailyCapacity, int priority, boolean active, Endpoint erpEndpoint, Instant updatedAt,
        Store.PostalAddress address) {

    record Endpoint(String url, String headerName, boolean headerValueSet) {
    }

    static StoreResponse of(Store store) {
        Store.ErpEndpoint erp = store.erpEndpoint();
        return new StoreResponse(store.storeId(), store.name(), store.latitude(), store.longitude(),
                store.journeys(), store.dailyCapacity(), store.priority(), store.active(),
                erp == null ? null : new Endpoint(erp.url(), erp.headerName(), erp.headerValue() != null),
                store.updatedAt(), store.address());
    }
}
