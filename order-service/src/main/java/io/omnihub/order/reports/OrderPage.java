package io.omnihub.order.reports;

import java.util.List;

/** A page of orders, numbered from 0, with the totals of the whole selection. */
record OrderPage(List<OrderListItem> items, int page, int size, long totalItems, long totalPages) {

    static OrderPage of(List<OrderListItem> items, int page, int size, long totalItems) {
        return new OrderPage(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
