package io.omnihub.order.store;

import io.omnihub.contracts.orders.Journey;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The body of {@code PUT /stores/{storeId}} (and each item of the bulk {@code PUT /stores}). */
record StoreRequest(String storeId, String name,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @NotEmpty Set<@NotNull Journey> journeys,
        @NotNull @Min(0) Integer dailyCapacity,
        @NotNull @Min(1) Integer priority,
        Boolean active,
        @Valid ErpEndpointRequest erpEndpoint,
        @Valid AddressRequest address) {

    Store toStore(String id, java.time.Instant now) {
        return new Store(id, name, latitude, longitude, journeys, dailyCapacity, priority, active == null || active,
                erpEndpoint == null ? null
                        : new Store.ErpEndpoint(erpEndpoint.url(), erpEndpoint.headerName(), erpEndpoint.headerValue()),
                now, address == null ? null : new Store.PostalAddress(address.street().strip(),
                        address.number() == null || address.number().isBlank() ? null : address.number().strip(),
                        address.city().strip(), address.state().strip(), address.postalCode().strip()));
    }

    /** A postal address: everything but the number is required. */
    record AddressRequest(@NotBlank @Size(max = 200) String street, @Size(max = 20) String number,
            @NotBlank @Size(max = 100) String city, @NotBlank @Size(max = 50) String state,
            @NotBlank @Size(max = 20) String postalCode) {
    }

    /** {@code url} http(s); the header is optional. */
    record ErpEndpointRequest(@NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
            String headerName, String headerValue) {
    }
}
