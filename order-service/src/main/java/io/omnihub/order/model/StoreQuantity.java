package io.omnihub.order.model;

/** A quantity of one EAN, as the order's own value (the wire's is {@code StockLine}). */
public record StoreQuantity(String ean, long quantity) {

    public StoreQuantity {
        if (quantity < 0) {
            throw new IllegalArgumentException("a quantity is never negative: " + ean + " " + quantity);
        }
    }
}
