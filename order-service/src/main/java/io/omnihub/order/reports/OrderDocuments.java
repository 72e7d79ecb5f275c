package io.omnihub.order.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * Reads fields of stored order documents as the reports need them, whatever representation the mapping chose
 * (a BigDecimal as Decimal128 or as a string; an embedded id as {@code _id} or {@code id}).
 */
final class OrderDocuments {

    private OrderDocuments() {
    }

    static String string(Document document, String field) {
        Object value = document.get(field);
        return value == null ? null : value.toString();
    }

    static String nested(Document document, String parent, String field) {
        Object inner = document.get(parent);
        return inner instanceof Document found ? string(found, field) : null;
    }

    static String id(Document document) {
        Object id = document.get("_id");
        return id != null ? id.toString() : string(document, "id");
    }

    static long number(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number found ? found.longValue() : 0;
    }

    static BigDecimal decimal(Document document, String field) {
        Object value = document.get(field);
        if (value instanceof Decimal128 found) {
            return found.bigDecimalValue();
        }
        if (value instanceof BigDecimal found) {
            return found;
        }
        if (value instanceof Number found) {
            return new BigDecimal(found.toString());
        }
        if (value instanceof String found && !found.isBlank()) {
            return new BigDecimal(found);
        }
        return null;
    }

    static Instant instant(Document document, String field) {
        Object value = document.get(field);
        if (value instanceof Date found) {
            return found.toInstant();
        }
        return value instanceof Instant found ? found : null;
    }

    @SuppressWarnings("unchecked")
    static List<Document> documents(Document document, String field) {
        Object value = document.get(field);
        return value instanceof List<?> list ? (List<Document>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Document document, String field) {
        Object value = document.get(field);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
