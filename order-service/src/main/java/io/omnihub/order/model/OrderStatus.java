package io.omnihub.order.model;

/**
 * The overall status of an order, derived from its lines and fulfilments by {@link OrderStatusPolicy}; never
 * set by hand.
 */
public enum OrderStatus {
    /** Accepted by omnihub; routing not done yet. */
    RECEIVED,
    /** Some quantities are being routed or wait for their reservation. */
    ROUTING,
    /** Every live fulfilment waits for its store's answer. */
    ASSIGNED,
    ACCEPTED,
    READY_FOR_PICKUP,
    IN_TRANSIT,
    DELIVERED,
    RETURNED,
    CANCELLED,
    /** No store could take any of it. */
    UNFULFILLABLE
}
