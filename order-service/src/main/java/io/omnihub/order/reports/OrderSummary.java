package io.omnihub.order.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * Counts and values of the selected orders: overall, by order status, by day of reception (UTC) and by store.
 * A store's figures are what its live fulfilments hold (rejected units left out); the others use the ordered lines.
 */
record OrderSummary(long orders, long units, BigDecimal total, List<Group> byStatus, List<Group> byDay,
        List<Group> byStore) {

    /** One group's figures; {@code key} is the status, the day ({@code 2026-11-29}) or the store id. */
    record Group(String key, long orders, long units, BigDecimal total) {
    }
}
