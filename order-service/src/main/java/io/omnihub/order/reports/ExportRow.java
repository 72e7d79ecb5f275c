package io.omnihub.order.reports;

import io.omnihub.contracts.identity.Identity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * One row of an export: a line of a fulfilment (what one store was given of one product), or an ordered line no
 * store holds yet. A key limited to some stores gets the lines of its stores only.
 */
record ExportRow(String orderId, String channelOrderId, String siteId, String journey, String orderStatus,
        Instant receivedAt, String customer, String fulfillmentId, String storeId, String fulfillmentStatus,
        String carrier, String trackingCode, String ean, String reference, String product, String brand,
        String category, long quantity, long rejected, long returned, BigDecimal unitPrice, BigDecimal total) {

    static final List<String> HEADERS = List.of("orderId", "channelOrderId", "siteId", "journey", "orderStatus",
            "receivedAt", "customer", "fulfillmentId", "storeId", "fulfillmentStatus", "carrier", "trackingCode",
            "ean", "reference", "product", "brand", "category", "quantity", "rejected", "returned", "unitPrice",
            "total");

    static List<ExportRow> of(Document order, Identity caller) {
        Map<String, Document> linesByEan = new HashMap<>();
        for (Document line : OrderDocuments.documents(order, "lines")) {
            linesByEan.putIfAbsent(OrderDocuments.string(line, "ean"), line);
        }
        List<ExportRow> rows = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (Document fulfillment : OrderDocuments.documents(order, "fulfillments")) {
            String storeId = OrderDocuments.string(fulfillment, "storeId");
            for (Document held : OrderDocuments.documents(fulfillment, "lines")) {
                String ean = OrderDocuments.string(held, "ean");
                placed.add(ean);
                if (caller.covers(storeId)) {
                    rows.add(row(order, fulfillment, held, linesByEan.getOrDefault(ean, held),
                            OrderDocuments.number(held, "quantity"), OrderDocuments.number(held, "rejected"),
                            OrderDocuments.number(held, "returned")));
                }
            }
        }
        if (caller.allStores()) {
            for (Document line : OrderDocuments.documents(order, "lines")) {
                if (!placed.contains(OrderDocuments.string(line, "ean"))) {
                    rows.add(row(order, null, line, line, OrderDocuments.number(line, "quantity"), 0, 0));
                }
            }
        }
        return rows;
    }

    private static ExportRow row(Document order, Document fulfillment, Document line, Document ordered,
            long quantity, long rejected, long returned) {
        BigDecimal unitPrice = OrderDocuments.decimal(line, "unitPrice");
        if (unitPrice == null) {
            unitPrice = OrderDocuments.decimal(ordered, "unitPrice");
        }
        return new ExportRow(OrderDocuments.id(order), OrderDocuments.string(order, "channelOrderId"),
                OrderDocuments.string(order, "siteId"), OrderDocuments.string(order, "journey"),
                OrderDocuments.string(order, "status"), OrderDocuments.instant(order, "receivedAt"),
                OrderDocuments.nested(order, "customer", "name"),
                fulfillment == null ? null : OrderDocuments.id(fulfillment),
                fulfillment == null ? null : OrderDocuments.string(fulfillment, "storeId"),
                fulfillment == null ? null : OrderDocuments.string(fulfillment, "status"),
                fulfillment == null ? null : OrderDocuments.string(fulfillment, "carrier"),
                fulfillment == null ? null : OrderDocuments.string(fulfillment, "trackingCode"),
                OrderDocuments.string(line, "ean"), OrderDocuments.string(ordered, "reference"),
                OrderDocuments.string(ordered, "name"), OrderDocuments.string(ordered, "brand"),
                OrderDocuments.string(ordered, "category"), quantity, rejected, returned, unitPrice,
                unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity)));
    }

    /** The cells in {@link #HEADERS} order: text as String, counts as Long, money as BigDecimal. */
    List<Object> cells() {
        List<Object> cells = new ArrayList<>(HEADERS.size());
        cells.add(orderId);
        cells.add(channelOrderId);
        cells.add(siteId);
        cells.add(journey);
        cells.add(orderStatus);
        cells.add(receivedAt == null ? null : receivedAt.toString());
        cells.add(customer);
        cells.add(fulfillmentId);
        cells.add(storeId);
        cells.add(fulfillmentStatus);
        cells.add(carrier);
        cells.add(trackingCode);
        cells.add(ean);
        cells.add(reference);
        cells.add(product);
        cells.add(brand);
        cells.add(category);
        cells.add(quantity);
        cells.add(rejected);
        cells.add(returned);
        cells.add(unitPrice);
        cells.add(total);
        return cells;
    }
}
