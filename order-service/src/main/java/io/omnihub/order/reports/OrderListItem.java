package io.omnihub.order.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * One order in a report list: who, when, where it stands, which stores serve it, and its value (units ordered
 * times the channel's unit price).
 */
record OrderListItem(String orderId, String siteId, String channelOrderId, String journey, String status,
        Instant receivedAt, String customerName, List<String> storeIds, int lines, long units, BigDecimal total) {

    static OrderListItem of(Document order) {
        long units = 0;
        BigDecimal total = BigDecimal.ZERO;
        List<Document> lines = OrderDocuments.documents(order, "lines");
        for (Document line : lines) {
            long quantity = OrderDocuments.number(line, "quantity");
            units += quantity;
            BigDecimal price = OrderDocuments.decimal(line, "unitPrice");
            if (price != null) {
                total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
            }
        }
        return new OrderListItem(OrderDocuments.id(order), OrderDocuments.string(order, "siteId"),
                OrderDocuments.string(order, "channelOrderId"), OrderDocuments.string(order, "journey"),
                OrderDocuments.string(order, "status"), OrderDocuments.instant(order, "receivedAt"),
                OrderDocuments.nested(order, "customer", "name"), OrderDocuments.strings(order, "storeIds"),
                lines.size(), units, total);
    }
}
