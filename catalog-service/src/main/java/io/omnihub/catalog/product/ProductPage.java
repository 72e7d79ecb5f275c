package io.omnihub.catalog.product;

import java.util.List;

/** One page of products, sorted by reference; {@code page} counts from 0. */
record ProductPage(List<ProductResponse> items, int page, int size, long totalItems, long totalPages) {

    static ProductPage of(List<ProductResponse> items, int page, int size, long totalItems) {
        return new ProductPage(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
