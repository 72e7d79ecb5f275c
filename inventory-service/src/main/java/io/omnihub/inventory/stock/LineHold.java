package io.omnihub.inventory.stock;

/** The outcome of holding one line of a reservation: held, or not, with what was available. */
public record LineHold(boolean held, long available) {
}
