package io.omnihub.contracts.orders;

/** A quantity of one EAN: what a command reserves, releases, consumes or restocks. */
public record StockLine(String ean, long quantity) {
}
