package io.omnihub.contracts.orders;

/** A shipping address; coordinates are optional. */
public record Address(String street, String city, String state, String postalCode, Double latitude,
        Double longitude) {
}
