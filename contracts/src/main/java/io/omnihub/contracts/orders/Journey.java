package io.omnihub.contracts.orders;

/** How the customer gets the goods: shipped from a store, or picked up at the store they chose. */
public enum Journey {
    SHIP_FROM_STORE, PICKUP_IN_STORE
}
