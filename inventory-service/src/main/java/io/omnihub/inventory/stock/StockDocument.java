package io.omnihub.inventory.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

/**
 * The stored document of a {@link StockLevel}, built field by field: what Spring Data's mapping writes for it (fields
 * by name, {@code _id}, instants as BSON dates, null fields left out), less the type hint, the {@code digest} field
 * (the token carries it) and empty lists (read back as empty), plus the write's {@code token}. Built by hand because the
 * mapping (reflection, conversions looked up per value) cost the service about a quarter of its CPU per applied pair;
 * reading stays with the mapping, which takes these documents as its own (StockDocumentTests).
 */
final class StockDocument {

    private StockDocument() {
    }

    /** The whole document of {@code level}, carrying {@code token}. */
    static Document of(StockLevel level, String token) {
        Document document = new Document();
        put(document, "_id", level.id());
        put(document, "storeId", level.storeId());
        put(document, "ean", level.ean());
        document.put("onHand", level.onHand());
        put(document, "asOf", date(level.asOf()));
        put(document, "sequence", level.sequence());
        if (level.source() != null) {
            document.put("source", withoutNulls(new Document()).with("importId", level.source().importId())
                    .with("row", level.source().row()).document);
        }
        list(document, "consumptions", level.consumptions(), c -> withoutNulls(new Document())
                .with("reference", c.reference()).with("quantity", c.quantity()).with("at", date(c.at())).document);
        list(document, "restocks", level.restocks(), r -> withoutNulls(new Document())
                .with("reference", r.reference()).with("quantity", r.quantity()).with("at", date(r.at())).document);
        list(document, "holds", level.holds(), h -> withoutNulls(new Document())
                .with("fulfillmentId", h.fulfillmentId()).with("quantity", h.quantity()).with("since", date(h.since()))
                .document);
        document.put("reserved", level.reserved());
        document.put("safetyStock", level.safetyStock());
        document.put("available", level.available());
        document.put("version", level.version());
        list(document, "snapshots", level.snapshots(), snapshot -> snapshot);
        list(document, "snapshotRows", level.snapshotRows(), rows -> withoutNulls(new Document())
                .with("snapshotId", rows.snapshotId()).with("rows", new ArrayList<>(rows.rows())).document);
        if (level.drift() != null) {
            document.put("drift", withoutNulls(new Document()).with("snapshotId", level.drift().snapshotId())
                    .with("expected", level.drift().expected()).with("reported", level.drift().reported()).document);
        }
        list(document, "commands", level.commands(), c -> withoutNulls(new Document())
                .with("commandId", c.commandId()).with("quantity", c.quantity()).document);
        document.put("revision", level.revision());
        put(document, "updatedAt", date(level.updatedAt()));
        put(document, "correlationId", level.correlationId());
        document.put(StockStore.TOKEN, token);
        return document;
    }

    /**
     * The state a stored document holds, as the mapping reads it (missing numbers 0, missing lists empty, other fields
     * ignored): by hand, as the mapping's read cost the service about a tenth of its CPU per updated pair.
     */
    static StockLevel level(Document d) {
        Document source = d.get("source", Document.class);
        Document drift = d.get("drift", Document.class);
        return new StockLevel(d.getString("_id"), d.getString("storeId"), d.getString("ean"), number(d, "onHand"),
                instant(d, "asOf"), d.getString("sequence"), source == null ? null
                        : new StockLevel.Source(source.getString("importId"), number(source, "row")),
                documents(d, "consumptions", c -> new Consumption(c.getString("reference"), number(c, "quantity"),
                        instant(c, "at"))),
                documents(d, "restocks", r -> new StockLevel.Restock(r.getString("reference"), number(r, "quantity"),
                        instant(r, "at"))),
                documents(d, "holds", h -> new StockLevel.Hold(h.getString("fulfillmentId"), number(h, "quantity"),
                        instant(h, "since"))),
                number(d, "reserved"), number(d, "safetyStock"), number(d, "available"), number(d, "version"),
                d.getList("snapshots", String.class), documents(d, "snapshotRows", r -> new StockLevel.SnapshotRows(
                        r.getString("snapshotId"), r.get("rows") instanceof List<?> rows ? rows.stream()
                                .map(row -> ((Number) row).longValue()).toList() : null)),
                drift == null ? null : new StockLevel.Drift(drift.getString("snapshotId"), number(drift, "expected"),
                        number(drift, "reported")),
                documents(d, "commands", c -> new StockLevel.AppliedCommand(c.getString("commandId"),
                        number(c, "quantity"))),
                d.getString("digest"), number(d, "revision"), instant(d, "updatedAt"), d.getString("correlationId"));
    }

    private static long number(Document document, String name) {
        return document.get(name) instanceof Number number ? number.longValue() : 0;
    }

    private static Instant instant(Document document, String name) {
        return document.get(name) instanceof Date date ? date.toInstant() : null;
    }

    private static <T> List<T> documents(Document document, String name, Function<Document, T> element) {
        if (!(document.get(name) instanceof List<?> values)) {
            return null;
        }
        List<T> elements = new ArrayList<>(values.size());
        for (Object value : values) {
            elements.add(element.apply((Document) value));
        }
        return elements;
    }

    private static <T> void list(Document document, String name, List<T> values, Function<? super T, ?> element) {
        if (values.isEmpty()) {
            return;
        }
        List<Object> elements = new ArrayList<>(values.size());
        for (T value : values) {
            elements.add(element.apply(value));
        }
        document.put(name, elements);
    }

    private static void put(Document document, String name, Object value) {
        if (value != null) {
            document.put(name, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : new Date(instant.toEpochMilli());
    }

    private static Fields withoutNulls(Document document) {
        return new Fields(document);
    }

    /** A nested document's fields, null ones left out as the mapping leaves them out. */
    private record Fields(Document document) {

        Fields with(String name, Object value) {
            put(document, name, value);
            return this;
        }
    }
}
