package io.omnihub.contracts.inventory;

/** How a stock input relates to what omnihub holds. */
public enum StockMode {
    /** Only the (store, EAN) pairs present change. */
    PARTIAL,
    /** The complete stock of the stores it names: their absent pairs become zero once it is all applied. */
    FULL
}
