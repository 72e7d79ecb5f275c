package io.omnihub.order.store;

import io.omnihub.contracts.orders.Journey;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A store that can fulfil orders.
 *
 * @param dailyCapacity fulfilments it can take per day (UTC)
 * @param priority      1 is the first choice
 * @param erpEndpoint   where its ERP wants assignments pushed; null: it reads Kafka or polls
 * @param address       its postal address (the sender on shipping labels); null when not given
 */
@Document("stores")
public record Store(@Id String storeId, String name, Double latitude, Double longitude, Set<Journey> journeys,
        int dailyCapacity, int priority, boolean active, ErpEndpoint erpEndpoint, Instant updatedAt,
        PostalAddress address) {

    public Store {
        journeys = journeys == null ? Set.of() : Set.copyOf(journeys);
    }

    /**
     * The store ERP's endpoint for assignments: POSTed the {@code FulfillmentAssigned} JSON, with one header to
     * authenticate (e.g. {@code Authorization: Bearer …}).
     */
    public record ErpEndpoint(String url, String headerName, String headerValue) {
    }

    /** Where the store is, as a carrier prints it; {@code number} is optional. */
    public record PostalAddress(String street, String number, String city, String state, String postalCode) {
    }
}
