package io.omnihub.inventory.stock;

import java.util.List;

/** One page of a store's stock, sorted by EAN; {@code page} counts from 0. */
record StockPage(List<StockResponse> items, int page, int size, long totalItems, long totalPages) {

    static StockPage of(List<StockResponse> items, int page, int size, long totalItems) {
        return new StockPage(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
