package io.omnihub.order.reports;

import io.omnihub.contracts.identity.Identity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries on the order aggregates (collection {@code orders}, written by the order core): pages,
 * a cursor for exports, and the summary's aggregations ($match, $unwind, $project, $group).
 */
@Repository
class OrderReportRepository {

    static final String ORDERS = "orders";
    // newest first; the id breaks ties so pages never overlap
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("receivedAt"), Sort.Order.asc("_id"));
    // an export reads every order of the selection but needs none of their outbox or routing history
    private static final String[] EXPORTED = {"siteId", "channelOrderId", "journey", "status", "receivedAt",
        "customer", "storeIds", "lines", "fulfillments"};

    private final MongoTemplate mongo;

    OrderReportRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    OrderPage page(OrderFilter filter, Identity caller, int page, int size) {
        Criteria criteria = OrderReportQuery.criteria(filter, caller);
        long total = mongo.count(Query.query(criteria), ORDERS);
        Query query = Query.query(criteria).with(NEWEST_FIRST).skip((long) page * size).limit(size);
        query.fields().include("siteId", "channelOrderId", "journey", "status", "receivedAt", "customer",
                "storeIds", "lines");
        List<OrderListItem> items = mongo.find(query, Document.class, ORDERS).stream().map(OrderListItem::of)
                .toList();
        return OrderPage.of(items, page, size, total);
    }

    /** Feeds every selected order to {@code sink} as the cursor delivers it, newest first. */
    void forEach(OrderFilter filter, Identity caller, Consumer<Document> sink) {
        Query query = Query.query(OrderReportQuery.criteria(filter, caller)).with(NEWEST_FIRST);
        query.fields().include(EXPORTED);
        query.cursorBatchSize(200);
        try (Stream<Document> orders = mongo.stream(query, Document.class, ORDERS)) {
            orders.forEach(sink);
        }
    }

    OrderSummary summary(OrderFilter filter, Identity caller) {
        // the criteria holds only strings, instants and patterns: the driver's codecs write them as they are
        Document match = new Document("$match", OrderReportQuery.criteria(filter, caller).getCriteriaObject());
        List<OrderSummary.Group> byStatus = groups(ordered(match, "$status"));
        List<OrderSummary.Group> byDay = groups(ordered(match,
                new Document("$dateToString", new Document("format", "%Y-%m-%d").append("date", "$receivedAt"))));
        List<OrderSummary.Group> byStore = groups(held(match, filter, caller));
        long orders = byStatus.stream().mapToLong(OrderSummary.Group::orders).sum();
        long units = byStatus.stream().mapToLong(OrderSummary.Group::units).sum();
        BigDecimal total = byStatus.stream().map(OrderSummary.Group::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderSummary(orders, units, total, byStatus, byDay.stream()
                .sorted(Comparator.comparing(OrderSummary.Group::key, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList(), byStore);
    }

    // per order first (units, value), then per key: an order counts once in its group whatever its lines
    private static List<Document> ordered(Document match, Object key) {
        return List.of(match,
                new Document("$project", new Document("key", key).append("lines", 1)),
                new Document("$unwind", "$lines"),
                new Document("$group", new Document("_id", new Document("order", "$_id").append("key", "$key"))
                        .append("units", new Document("$sum", "$lines.quantity"))
                        .append("total", new Document("$sum", lineValue("$lines")))),
                new Document("$group", new Document("_id", "$_id.key")
                        .append("orders", new Document("$sum", 1))
                        .append("units", new Document("$sum", "$units"))
                        .append("total", new Document("$sum", "$total"))));
    }

    // a store's share: the lines its live fulfilments hold, for the stores the caller may see
    private List<Document> held(Document match, OrderFilter filter, Identity caller) {
        List<Criteria> fulfilments = new ArrayList<>();
        fulfilments.add(Criteria.where("fulfillments.rerouted").ne(true));
        if (filter.storeId() != null) {
            fulfilments.add(Criteria.where("fulfillments.storeId").is(filter.storeId()));
        }
        if (!caller.allStores()) {
            fulfilments.add(Criteria.where("fulfillments.storeId").in(caller.stores().stream().sorted().toList()));
        }
        return List.of(match,
                new Document("$project", new Document("fulfillments", 1)),
                new Document("$unwind", "$fulfillments"),
                new Document("$match", new Criteria().andOperator(fulfilments).getCriteriaObject()),
                new Document("$unwind", "$fulfillments.lines"),
                new Document("$group", new Document("_id", new Document("order", "$_id")
                        .append("key", "$fulfillments.storeId"))
                        .append("units", new Document("$sum", "$fulfillments.lines.quantity"))
                        .append("total", new Document("$sum", lineValue("$fulfillments.lines")))),
                new Document("$group", new Document("_id", "$_id.key")
                        .append("orders", new Document("$sum", 1))
                        .append("units", new Document("$sum", "$units"))
                        .append("total", new Document("$sum", "$total"))));
    }

    // prices may be stored as Decimal128 or as strings; $toDouble reads both (the figures are rounded to cents)
    private static Document lineValue(String line) {
        return new Document("$multiply", List.of(line + ".quantity",
                new Document("$toDouble", new Document("$ifNull", List.of(line + ".unitPrice", 0)))));
    }

    private List<OrderSummary.Group> groups(List<Document> pipeline) {
        List<OrderSummary.Group> groups = new ArrayList<>();
        for (Document group : mongo.getCollection(ORDERS).aggregate(pipeline)) {
            Object key = group.get("_id");
            groups.add(new OrderSummary.Group(key == null ? null : key.toString(),
                    OrderDocuments.number(group, "orders"), OrderDocuments.number(group, "units"),
                    money(group.get("total"))));
        }
        groups.sort(Comparator.comparing(OrderSummary.Group::orders).reversed()
                .thenComparing(OrderSummary.Group::key, Comparator.nullsLast(Comparator.naturalOrder())));
        return groups;
    }

    private static BigDecimal money(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP);
        }
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue().setScale(2, RoundingMode.HALF_UP);
        }
        return BigDecimal.ZERO.setScale(2);
    }
}
