package io.omnihub.contracts.orders;

import io.omnihub.contracts.EventType;
import java.time.Instant;
import java.util.List;

/** No store can fulfil these quantities: the channel must tell the customer. Keyed by order id on {@code orders.lifecycle}. */
@EventType("io.omnihub.orders.order-lines-unfulfillable")
public record OrderLinesUnfulfillable(String orderId, String siteId, String channelOrderId, List<StockLine> lines,
        String reason, Instant at) {

    public OrderLinesUnfulfillable {
        lines = List.copyOf(lines);
    }
}
