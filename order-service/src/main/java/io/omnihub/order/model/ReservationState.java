package io.omnihub.order.model;

/** Where a fulfilment's stock stands at inventory, as far as the order knows. */
public enum ReservationState {
    /** ReserveStock sent (or in the outbox), no answer yet. */
    PENDING,
    /** Held at the store. */
    CONFIRMED,
    /** The store lacked stock: the fulfilment never reached the store. */
    REFUSED,
    /** Given back (rejection, cancellation, deadline). */
    RELEASED,
    /** Left the shelf (in transit, delivered, picked up). */
    CONSUMED
}
